import { useComments, useOpenThreadCounts } from '../../board/comments/hooks.ts';
import type { NoteId } from '../../../shared/index.ts';
import { CommentIcon } from './CommentIcon.tsx';

/** In the accessible outline: a note's comments, reachable by keyboard (the popover opens docked). */
export function OutlineCommentButton({ noteId, label }: { noteId: NoteId; label: string }) {
  const comments = useComments();
  const open = useOpenThreadCounts().get(noteId) ?? 0;
  return (
    <button
      type="button"
      className="tb-button outline-comments"
      onClick={() => comments.openPopover({ kind: 'note', id: noteId })}
      aria-label={open > 0 ? `Comments (${open}) on “${label}”` : `Comment on “${label}”`}
      data-testid="outline-comments"
    >
      <CommentIcon size={12} /> {open > 0 ? `Comments (${open})` : 'Comment'}
    </button>
  );
}
