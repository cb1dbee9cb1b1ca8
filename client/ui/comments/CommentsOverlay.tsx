import { useEffect } from 'react';
import type { NoteId } from '../../../shared/index.ts';
import { useComments, useCommentsUi, useOpenThreadCounts } from '../../board/comments/hooks.ts';
import { useBoard, useEditor, useSession } from '../../board/hooks.ts';
import { toBoard } from '../../geometry/camera.ts';
import { badgeAt } from '../../geometry/commentBadges.ts';
import { hasVoteBadge } from '../../geometry/noteBadges.ts';
import { DETAIL_SCALE } from '../../canvas/NotesLayer.tsx';
import { useVotesOnCanvas } from '../../board/voting/hooks.ts';
import { HEADER_H, LABEL_W } from '../../geometry/layout.ts';
import { screenRect } from '../overlayPosition.ts';
import { CommentsPanel, Deferred } from '../deferred.tsx';
import { SinceLastVisit } from './SinceLastVisit.tsx';
import { ThreadPopover } from './ThreadPopover.tsx';
import { CommentIcon } from './CommentIcon.tsx';
import './comments.css';

/**
 * Everything comments put on the board view: a click on a note's badge opens its threads; a
 * "Comment" button beside the selected note, stage or lane; the popover and the panel.
 */
export function CommentsOverlay() {
  const session = useSession();
  const comments = useComments();
  const board = useBoard();
  const counts = useOpenThreadCounts();
  const camera = useEditor((s) => s.camera);
  const selection = useEditor((s) => s.selection);
  const header = useEditor((s) => s.header);
  const editing = useEditor((s) => s.editing);
  // The canvas element is new after the outline view: listen on the current one.
  const view = useEditor((s) => s.view);
  const panelOpen = useCommentsUi((s) => s.panelOpen);
  const popover = useCommentsUi((s) => s.popover);
  const layout = session.layouts.layoutFor(board);
  const totals = useVotesOnCanvas(board).totals;

  // Badges are drawn by Konva (CommentBadgesLayer), which does not listen: hit-test them here,
  // before the canvas's own pointer handling (capture phase), and open the note's threads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the canvas element is new after the outline view: listen on the current one
  useEffect(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="board-canvas"]');
    if (!el) return;
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const r = el.getBoundingClientRect();
      const p = toBoard(session.editor.get().camera, { x: e.clientX - r.left, y: e.clientY - r.top });
      const b = session.model.source.getSnapshot();
      const detailed = session.editor.get().camera.scale >= DETAIL_SCALE;
      const hit = badgeAt(session.layouts.layoutFor(b), counts, p, (id) => hasVoteBadge(totals, id, detailed));
      if (hit) {
        e.stopPropagation();
        session.editor.update({ selection: new Set([hit]) });
        comments.openPopover({ kind: 'note', id: hit });
      } else if (comments.ui.get().highlight) {
        comments.ui.update({ highlight: null });
      }
    };
    el.addEventListener('pointerdown', onDown, { capture: true });
    return () => el.removeEventListener('pointerdown', onDown, { capture: true });
  }, [session, comments, counts, view, totals]);

  // One place selected (a note, or a stage or lane header): offer to comment on it.
  let anchor: { target: { kind: 'note' | 'stage' | 'lane'; id: string }; x: number; y: number } | null = null;
  if (view !== 'canvas') anchor = null;
  // A note's "Comment" is in the selection toolbar; read-only people (commenters) have no toolbar.
  else if (!editing && selection.size === 1 && session.model.readOnlyReason !== null) {
    const id = [...selection][0]!;
    const r = layout.notes.get(id as NoteId);
    if (r) {
      const s = screenRect(camera, r);
      anchor = { target: { kind: 'note', id }, x: s.x + s.width + 6, y: s.y + s.height - 28 };
    }
  } else if (header && selection.size === 0) {
    const stage = header.type === 'stage' ? layout.stages.find((s) => s.id === header.id) : undefined;
    const lane = header.type === 'lane' ? layout.lanes.find((l) => l.id === header.id) : undefined;
    const rect = stage
      ? { x: stage.x, y: 0, width: stage.width, height: HEADER_H }
      : lane
        ? { x: 0, y: lane.y, width: LABEL_W, height: Math.min(lane.height, HEADER_H) }
        : null;
    if (rect) {
      const s = screenRect(camera, rect);
      anchor = {
        target: { kind: header.type, id: header.id },
        x: stage ? s.x + s.width - 110 : s.x + s.width + 6,
        y: stage ? s.y + s.height + 6 : s.y + 6,
      };
    }
  }
  const anchorOpen =
    anchor && popover && popover.target.kind === anchor.target.kind && popover.target.id === anchor.target.id;

  return (
    <>
      {anchor && !anchorOpen && (
        <button
          type="button"
          className="comment-anchor"
          style={{ left: anchor.x, top: anchor.y }}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => comments.openPopover(anchor.target)}
          data-testid="comment-anchor"
          title="Comment on this"
        >
          <CommentIcon size={13} /> Comment
        </button>
      )}
      <Deferred>{panelOpen && <CommentsPanel />}</Deferred>
      <ThreadPopover />
      <SinceLastVisit />
    </>
  );
}
