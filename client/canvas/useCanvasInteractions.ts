import { useEffect, useRef, type RefObject } from 'react';
import type { BoardSnapshot, DraftId, LaneId, NoteId, StageId } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { finishEditing, select } from '../board/noteActions.ts';
import { toBoard, zoomAt } from '../geometry/camera.ts';
import { rectFromPoints, type Point } from '../geometry/geometry.ts';
import { curvePointAt } from '../geometry/curveGeometry.ts';
import { pathHighlight } from '../board/pathHighlight.ts';
import { plottedCurve } from './usePathView.ts';
import { dropTargetAt, hitTest, notesInRect } from '../geometry/hitTest.ts';
import { voteClick } from './voteClick.ts';
import { openAt, pickConnector, pickHeaderOrKpi } from './canvasActions.ts';
import { TouchGestures } from './TouchGestures.ts';
import { draftAt } from '../geometry/draftGeometry.ts';
import type { BoardLayout } from '../geometry/layout.ts';

type Gesture =
  | {
      kind: 'pan';
      start: Point;
      camera: { x: number; y: number };
      moved: boolean;
      cell: { stageId: StageId; laneId: LaneId } | null;
    }
  | { kind: 'press-note'; start: Point; id: NoteId }
  | { kind: 'drag'; start: Point; ids: ReadonlySet<NoteId> }
  | { kind: 'marquee'; start: Point; base: ReadonlySet<NoteId> }
  // Private writing: my drafts are pressed, dragged to another cell, double-clicked to edit.
  | { kind: 'press-draft'; start: Point; id: DraftId }
  | { kind: 'drag-draft'; start: Point; id: DraftId };

const DRAG_THRESHOLD = 4;

/**
 * Pointer, wheel and double-click handling for the board canvas. Konva layers don't listen: hits
 * are computed from the layout (hitTest.ts), which keeps 5,000 notes off Konva's hit canvas.
 * Drag offsets are written at most once per animation frame and committed on drop.
 */
export function useCanvasInteractions(
  session: BoardSession,
  container: RefObject<HTMLDivElement | null>,
  layout: BoardLayout,
  board: BoardSnapshot,
): void {
  const latest = useRef({ layout, board });
  latest.current = { layout, board };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { editor, presence } = session;
    let gesture: Gesture | null = null;
    let frame = 0;
    let pendingMove: PointerEvent | null = null;
    let lastPointerType = '';

    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const boardPoint = (e: { clientX: number; clientY: number }) => toBoard(editor.get().camera, local(e));
    const readOnly = () => session.model.readOnlyReason !== null;
    const touch = new TouchGestures(el, session, () => latest.current);

    const onPointerDown = (e: PointerEvent) => {
      lastPointerType = e.pointerType;
      if (e.pointerType === 'touch') {
        touch.down(e);
        return;
      }
      if (e.button !== 0 && e.button !== 1) return;
      if (editor.get().editing) finishEditing(session);
      el.setPointerCapture(e.pointerId);
      const screen = local(e);
      const { layout, board } = latest.current;
      const p = toBoard(editor.get().camera, screen);
      const drafting = session.privateWriting;
      const draft = e.button === 0 ? draftAt(layout, p) : null;
      if (draft) {
        select(session, []);
        drafting.select(draft);
        gesture = { kind: 'press-draft', start: screen, id: draft };
        return;
      }
      if (drafting.state.get().selected) drafting.select(null);
      const hit = e.button === 1 ? { type: 'none' as const } : hitTest(layout, board, p);
      if (hit.type === 'note' && voteClick(session, hit.id, p, layout)) return; // voting: a click is a dot
      if (hit.type === 'note') {
        const selection = editor.get().selection;
        if (e.shiftKey || e.metaKey || e.ctrlKey) {
          const next = new Set(selection);
          if (next.has(hit.id)) next.delete(hit.id);
          else next.add(hit.id);
          select(session, next);
          return;
        }
        if (!selection.has(hit.id)) select(session, [hit.id]);
        const at = board.notesById.get(hit.id)?.position;
        if (at) editor.update({ lastCell: { stageId: at.stageId, laneId: at.laneId } });
        gesture = { kind: 'press-note', start: screen, id: hit.id };
      } else if (pickHeaderOrKpi(session, board, hit) || (e.button === 0 && pickConnector(session, board, p, 8))) {
        return;
      } else if (e.shiftKey) {
        gesture = { kind: 'marquee', start: p, base: editor.get().selection };
      } else {
        const { camera } = editor.get();
        const cell = hit.type === 'cell' ? { stageId: hit.stageId, laneId: hit.laneId } : null;
        gesture = { kind: 'pan', start: screen, camera: { x: camera.x, y: camera.y }, moved: false, cell };
        el.style.cursor = 'grabbing';
      }
    };

    const applyMove = (e: PointerEvent) => {
      const screen = local(e);
      const { layout, board } = latest.current;
      const camera = editor.get().camera;
      const p = toBoard(camera, screen);
      // While I place dots my cursor is hidden: where I click would tell others how I vote.
      // So is it during private writing: it would show where I write.
      presence.setCursor(session.voting.state.get().voteMode || session.privateWriting.state.get().phase ? null : p);
      if (!gesture) {
        const state = editor.get();
        const along = state.curveAlongPath ? (pathHighlight(board, state.paths)?.chosen ?? null) : null;
        const curve = plottedCurve(session, board, layout, state.curveGrouping, along);
        const hover = curvePointAt(curve, p, 14 / camera.scale);
        const prev = editor.get().curveHover;
        if (
          hover?.seriesKey !== prev?.seriesKey ||
          hover?.stageIndex !== prev?.stageIndex ||
          hover?.noteIds[0] !== prev?.noteIds[0]
        )
          editor.update({ curveHover: hover });
        return;
      }
      if (gesture.kind === 'pan') {
        const dx = screen.x - gesture.start.x;
        const dy = screen.y - gesture.start.y;
        if (Math.hypot(dx, dy) > DRAG_THRESHOLD) gesture.moved = true;
        editor.update({ camera: { ...camera, x: gesture.camera.x + dx, y: gesture.camera.y + dy } });
      } else if (gesture.kind === 'press-note') {
        if (readOnly() || Math.hypot(screen.x - gesture.start.x, screen.y - gesture.start.y) < DRAG_THRESHOLD) return;
        gesture = { kind: 'drag', start: toBoard(camera, gesture.start), ids: editor.get().selection };
      } else if (gesture.kind === 'press-draft') {
        if (readOnly() || Math.hypot(screen.x - gesture.start.x, screen.y - gesture.start.y) < DRAG_THRESHOLD) return;
        gesture = { kind: 'drag-draft', start: toBoard(camera, gesture.start), id: gesture.id };
      }
      if (gesture.kind === 'drag-draft') {
        const target = dropTargetAt(layout, board, p, new Set());
        session.privateWriting.state.update({
          drag: {
            id: gesture.id,
            offset: { x: p.x - gesture.start.x, y: p.y - gesture.start.y },
            target: target && { stageId: target.stageId, laneId: target.laneId },
          },
        });
        return;
      }
      if (gesture.kind === 'drag') {
        const offset = { x: p.x - gesture.start.x, y: p.y - gesture.start.y };
        editor.update({ drag: { ids: gesture.ids, offset, target: dropTargetAt(layout, board, p, gesture.ids) } });
      } else if (gesture.kind === 'marquee') {
        const rect = rectFromPoints(gesture.start, p);
        editor.update({ marquee: rect });
        select(session, [...gesture.base, ...notesInRect(layout, rect)]);
      }
    };

    const onPointerMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch') {
        touch.move(e);
        return;
      }
      pendingMove = e;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (pendingMove) applyMove(pendingMove);
        pendingMove = null;
      });
    };

    const onPointerUp = (e: PointerEvent) => {
      if (e.pointerType === 'touch') {
        touch.up(e);
        return;
      }
      if (pendingMove) applyMove(pendingMove);
      pendingMove = null;
      el.style.cursor = '';
      const g = gesture;
      gesture = null;
      if (!g) return;
      if (g.kind === 'drag-draft') {
        const target = session.privateWriting.state.get().drag?.target;
        session.privateWriting.state.update({ drag: null });
        if (target) session.privateWriting.moveDraft(g.id, target.stageId, target.laneId);
      } else if (g.kind === 'drag') {
        const target = editor.get().drag?.target;
        editor.update({ drag: null });
        if (target) session.run('moveNotes', { noteIds: [...g.ids], ...target });
      } else if (g.kind === 'marquee') {
        editor.update({ marquee: null });
      } else if (g.kind === 'pan' && !g.moved) {
        select(session, []);
        editor.update({ header: null, kpiEditor: null, lastCell: g.cell, connector: null });
      } else if (g.kind === 'press-note' && !(e.shiftKey || e.metaKey || e.ctrlKey)) {
        select(session, [g.id]);
      }
    };

    const onDoubleClick = (e: MouseEvent) => {
      // Chromium also sends a dblclick after two taps; the touch gestures handled those.
      if (lastPointerType === 'touch') return;
      const { layout, board } = latest.current;
      openAt(session, layout, board, boardPoint(e));
    };

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { camera } = editor.get();
      if (e.ctrlKey || e.metaKey) {
        editor.update({ camera: zoomAt(camera, local(e), Math.exp(-e.deltaY * 0.01)) });
      } else {
        const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
        const dy = e.shiftKey && e.deltaX === 0 ? 0 : e.deltaY;
        editor.update({ camera: { ...camera, x: camera.x - dx, y: camera.y - dy } });
      }
    };

    const onLeave = () => presence.setCursor(null);

    const listeners = new AbortController();
    const opts = { signal: listeners.signal };
    el.addEventListener('pointerdown', onPointerDown, opts);
    el.addEventListener('pointermove', onPointerMove, opts);
    el.addEventListener('pointerup', onPointerUp, opts);
    el.addEventListener('pointercancel', onPointerUp, opts);
    el.addEventListener('pointerleave', onLeave, opts);
    el.addEventListener('dblclick', onDoubleClick, opts);
    el.addEventListener('wheel', onWheel, { ...opts, passive: false });
    return () => {
      cancelAnimationFrame(frame);
      listeners.abort();
      touch.dispose();
    };
  }, [session, container]);
}
