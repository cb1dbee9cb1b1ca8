import { useRef } from 'react';
import type { NoteId } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { toBoard } from '../geometry/camera.ts';
import { connectHandleAt } from '../geometry/connectorRoutes.ts';
import { hitTest } from '../geometry/hitTest.ts';

/** A finger must rest this long on the handle before moving draws a connector (else it was a tap). */
const LONG_PRESS_MS = 400;
const DRAG_THRESHOLD = 4;

/** Where the pointer is on the board, and the note under it (not the one we start from). */
function pointerOnBoard(session: BoardSession, from: NoteId, e: { clientX: number; clientY: number }) {
  const canvas = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
  const to = toBoard(session.editor.get().camera, { x: e.clientX - canvas.left, y: e.clientY - canvas.top });
  const board = session.model.source.getSnapshot();
  const hit = hitTest(session.layouts.layoutFor(board), board, to);
  return { from, to, over: hit.type === 'note' && hit.id !== from ? hit.id : null };
}

/**
 * The connect handle on the edge of the one selected note. Drag it (mouse, pen) or long-press and
 * drag it (touch) onto another note to draw a connector; click, tap or press it (Enter) for the
 * "Connect to…" dialog. An HTML button over the canvas, so it is focusable and has a name.
 */
export function ConnectHandle() {
  const session = useSession();
  const board = useBoard();
  const selection = useEditor((s) => s.selection);
  const camera = useEditor((s) => s.camera);
  const busy = useEditor((s) => s.drag !== null || s.editing !== null);
  const gesture = useRef<{
    start: { clientX: number; clientY: number };
    drawing: boolean;
    timer: number | null;
  } | null>(null);
  const swallowClick = useRef(false);
  const from = selection.size === 1 ? [...selection][0]! : null;
  const rect = from ? session.layouts.layoutFor(board).notes.get(from) : undefined;
  if (!from || !rect || busy || session.model.readOnlyReason) return null;
  const at = connectHandleAt(rect);
  const { editor } = session;

  const end = () => {
    const g = gesture.current;
    if (g?.timer) clearTimeout(g.timer);
    gesture.current = null;
    editor.update({ connecting: null });
  };
  return (
    <button
      type="button"
      className="connect-handle"
      data-testid="connect-handle"
      aria-label="Connect this note to another"
      title="Drag to another note to connect (or press for a list)"
      style={{ left: at.x * camera.scale + camera.x, top: at.y * camera.scale + camera.y }}
      onPointerDown={(e) => {
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        const touch = e.pointerType === 'touch';
        const g = { start: { clientX: e.clientX, clientY: e.clientY }, drawing: !touch, timer: null as number | null };
        if (touch)
          g.timer = window.setTimeout(() => {
            g.drawing = true;
            g.timer = null;
            navigator.vibrate?.(15);
            editor.update({ connecting: pointerOnBoard(session, from, g.start) });
          }, LONG_PRESS_MS);
        gesture.current = g;
      }}
      onPointerMove={(e) => {
        const g = gesture.current;
        if (!g) return;
        const moved = Math.hypot(e.clientX - g.start.clientX, e.clientY - g.start.clientY) > DRAG_THRESHOLD;
        // A finger that moves before the long press is over is not drawing: let it go.
        if (!g.drawing && moved) return end();
        if (g.drawing && (moved || editor.get().connecting))
          editor.update({ connecting: pointerOnBoard(session, from, e) });
      }}
      onPointerUp={() => {
        const drawn = editor.get().connecting;
        end();
        if (!drawn) return;
        swallowClick.current = true;
        if (drawn.over) {
          const id = session.run('addConnector', { from, to: drawn.over });
          if (id) editor.update({ selection: new Set(), connector: id });
        }
      }}
      onPointerCancel={end}
      onClick={() => {
        if (swallowClick.current) {
          swallowClick.current = false;
          return;
        }
        editor.update({ connectFrom: from });
      }}
    />
  );
}
