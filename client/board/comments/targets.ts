import type { ThreadTarget, ThreadView } from '../../../shared/comments/index.ts';
import type { BoardSnapshot, NoteId } from '../../../shared/index.ts';
import type { Rect } from '../../geometry/geometry.ts';
import { HEADER_H, LABEL_W, type BoardLayout } from '../../geometry/layout.ts';
import type { BoardSession } from '../BoardSession.ts';

/** What a thread is about, in words, and where it is on the board (null: gone, or the whole board). */
export interface TargetInfo {
  readonly label: string;
  /** "Note", "Stage", "Lane", "Board". */
  readonly kind: string;
  /** false for a note, stage or lane that was deleted (its threads stay, shown apart). */
  readonly exists: boolean;
  readonly rect: Rect | null;
}

const snippet = (s: string, n = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t || 'Empty note';
};

export function describeTarget(board: BoardSnapshot, layout: BoardLayout, target: ThreadTarget): TargetInfo {
  switch (target.kind) {
    case 'note': {
      const note = board.notesById.get(target.id as NoteId);
      return note
        ? { kind: 'Note', label: snippet(note.text), exists: true, rect: layout.notes.get(note.id) ?? null }
        : { kind: 'Note', label: 'On a deleted note', exists: false, rect: null };
    }
    case 'stage': {
      const i = board.stages.findIndex((s) => s.id === target.id);
      const box = layout.stages[i];
      return i < 0 || !box
        ? { kind: 'Stage', label: 'On a deleted stage', exists: false, rect: null }
        : {
            kind: 'Stage',
            label: board.stages[i]!.name,
            exists: true,
            rect: { x: box.x, y: 0, width: box.width, height: HEADER_H },
          };
    }
    case 'lane': {
      const i = board.lanes.findIndex((l) => l.id === target.id);
      const box = layout.lanes[i];
      return i < 0 || !box
        ? { kind: 'Lane', label: 'On a deleted lane', exists: false, rect: null }
        : {
            kind: 'Lane',
            label: board.lanes[i]!.name,
            exists: true,
            rect: { x: 0, y: box.y, width: LABEL_W, height: box.height },
          };
    }
    case 'board':
      return { kind: 'Board', label: 'The whole board', exists: true, rect: null };
  }
}

/** Pans the canvas to a thread's place, points it out, and opens its popover. */
export function focusThread(session: BoardSession, thread: Pick<ThreadView, 'target' | 'id'>): void {
  focusTarget(session, thread.target, thread.id);
}

export function focusTarget(
  session: BoardSession,
  target: ThreadTarget,
  threadId: ThreadView['id'] | null = null,
): void {
  const board = session.model.source.getSnapshot();
  const info = describeTarget(board, session.layouts.layoutFor(board), target);
  if (session.editor.get().view !== 'canvas') session.editor.update({ view: 'canvas' });
  if (info.rect) {
    const { camera, viewport } = session.editor.get();
    const scale = Math.max(camera.scale, 0.8);
    // Left of centre: the comments panel takes the right-hand side.
    const cx = viewport.width * 0.38;
    const cy = viewport.height * 0.45;
    session.editor.update({
      camera: {
        scale,
        x: cx - (info.rect.x + info.rect.width / 2) * scale,
        y: cy - (info.rect.y + Math.min(info.rect.height, 200) / 2) * scale,
      },
      selection: target.kind === 'note' ? new Set([target.id as NoteId]) : new Set(),
    });
  }
  session.comments.ui.update({ highlight: target.kind === 'note' && info.exists ? target.id : null });
  session.comments.openPopover(target, threadId);
}
