import { useComments, useCommentsUi, useUnreadThreads } from '../../board/comments/hooks.ts';
import { CommentIcon } from './CommentIcon.tsx';
import './comments.css';

/** The top-bar button that opens the comments panel, with the number of unread threads. */
export function CommentsToggle() {
  const comments = useComments();
  const open = useCommentsUi((s) => s.panelOpen);
  const unread = useUnreadThreads().length;
  return (
    <button
      type="button"
      className={open ? 'btn ghost active comments-toggle' : 'btn ghost comments-toggle'}
      aria-pressed={open}
      onClick={() => comments.ui.update({ panelOpen: !open })}
      title="Comments: every thread on this board"
      data-testid="comments-toggle"
    >
      <CommentIcon /> Comments
      {unread > 0 && (
        <span className="count-badge" data-testid="comments-unread" role="img" aria-label={`${unread} unread`}>
          {unread}
        </span>
      )}
    </button>
  );
}
