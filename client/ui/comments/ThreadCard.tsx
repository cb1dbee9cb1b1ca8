import { useEffect, useState } from 'react';
import {
  mentions,
  REACTION_NAMES,
  type Comment,
  type Person,
  type ReactionName,
  type ThreadView,
} from '../../../shared/comments/index.ts';
import { DEPARTMENT_STYLE } from '../../../shared/index.ts';
import { useComments } from '../../board/comments/hooks.ts';
import { formatWhen } from '../historyFormat.ts';
import { CommentText } from './CommentText.tsx';
import { Composer } from './Composer.tsx';
import { ReactionIcon } from './ReactionIcon.tsx';

const REACTION_LABEL: Record<ReactionName, string> = {
  thumbs: 'Thumbs up',
  heart: 'Love it',
  tada: 'Celebrate',
  smile: 'Smile',
  wow: 'Surprised',
  eyes: 'Looking into it',
};

interface Props {
  readonly thread: ThreadView;
  readonly people: readonly Person[];
  readonly unread: boolean;
  readonly readOnly: boolean;
}

/** One thread: its comments (edit, delete, react), resolve or reopen, and a reply box. */
export function ThreadCard({ thread, people, unread, readOnly }: Props) {
  const comments = useComments();
  const me = comments.identity;
  // Shown = read: the server remembers it for my next visit.
  useEffect(() => {
    if (unread) comments.markRead(thread.id);
  }, [unread, thread.id, comments]);
  const resolved = thread.resolution !== null;
  return (
    <article
      className={`thread${resolved ? ' resolved' : ''}${unread ? ' unread' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      aria-label={`Thread started by ${thread.authorName}`}
    >
      <header className="thread-head">
        {resolved ? (
          <span className="thread-state resolved" data-testid="thread-resolved">
            ✓ Resolved by {thread.resolution!.byName}
          </span>
        ) : (
          <span className="thread-state">
            {unread ? <span className="unread-dot" role="img" aria-label="Unread" /> : null}Open
          </span>
        )}
        {!readOnly && (
          <button
            type="button"
            className="tb-button"
            data-testid={resolved ? 'thread-reopen' : 'thread-resolve'}
            onClick={() => comments.run(resolved ? 'reopenThread' : 'resolveThread', { threadId: thread.id })}
          >
            {resolved ? 'Reopen' : '✓ Resolve'}
          </button>
        )}
      </header>
      <ol className="stack-list comment-list">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} comment={c} people={people} meId={me.id} readOnly={readOnly} />
        ))}
      </ol>
      {!readOnly && !resolved && (
        <Composer
          people={people}
          meId={me.id}
          placeholder="Reply…"
          submitLabel="Reply"
          testId="reply"
          onSubmit={(text, m) => comments.run('reply', { threadId: thread.id, text, mentions: m }) !== undefined}
        />
      )}
    </article>
  );
}

function CommentItem({
  comment,
  people,
  meId,
  readOnly,
}: {
  comment: Comment;
  people: readonly Person[];
  meId: string;
  readOnly: boolean;
}) {
  const comments = useComments();
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  const mine = comment.authorId === meId;
  const dept = DEPARTMENT_STYLE[comment.authorDepartment];
  if (comment.deleted) {
    return (
      <li className="comment deleted" data-testid="comment">
        <span className="muted small">Comment deleted</span>
      </li>
    );
  }
  const react = (reaction: ReactionName, on: boolean) => {
    comments.run('react', { commentId: comment.id, reaction, on });
    setPicking(false);
  };
  return (
    <li
      className={mentions(comment, meId) ? 'comment mentions-me' : 'comment'}
      data-testid="comment"
      data-comment-id={comment.id}
    >
      <div className="comment-head">
        <span className="avatar" style={{ background: dept.colour }} title={dept.label} aria-hidden>
          {comment.authorName.slice(0, 1).toUpperCase()}
        </span>
        <strong className="comment-author">{comment.authorName}</strong>
        <span className="muted small">
          {shortWhen(comment.createdAt)}
          {comment.editedAt ? ' · edited' : ''}
        </span>
        {mine && !readOnly && !editing && (
          <span className="comment-actions">
            <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="comment-edit">
              Edit
            </button>
            <button
              type="button"
              className="link-button danger"
              onClick={() => comments.run('deleteComment', { commentId: comment.id })}
              data-testid="comment-delete"
            >
              Delete
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <Composer
          people={people}
          meId={meId}
          initial={comment.text}
          autoFocus
          placeholder="Edit your comment"
          submitLabel="Save"
          testId="edit"
          onCancel={() => setEditing(false)}
          onSubmit={(text, m) => {
            const ok = comments.attempt('editComment', {
              commentId: comment.id,
              text,
              mentions: [...comment.mentions, ...m],
            });
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        <CommentText comment={comment} people={people} meId={meId} />
      )}
      <div className="reactions">
        {REACTION_NAMES.filter((r) => (comment.reactions[r]?.length ?? 0) > 0).map((r) => {
          const who = comment.reactions[r]!;
          const mineToo = who.includes(meId);
          const names = who.map((id) => people.find((p) => p.id === id)?.name ?? 'Someone').join(', ');
          return (
            <button
              type="button"
              key={r}
              className={mineToo ? 'reaction mine' : 'reaction'}
              disabled={readOnly}
              aria-pressed={mineToo}
              aria-label={`${REACTION_LABEL[r]}: ${names}`}
              title={names}
              onClick={() => react(r, !mineToo)}
              data-testid={`reaction-${r}`}
            >
              <ReactionIcon reaction={r} /> {who.length}
            </button>
          );
        })}
        {!readOnly && (
          <span className="reaction-picker">
            <button
              type="button"
              className="reaction add"
              aria-label="Add a reaction"
              aria-expanded={picking}
              onClick={() => setPicking((p) => !p)}
              data-testid="reaction-add"
            >
              <ReactionIcon reaction="smile" size={14} />+
            </button>
            {picking && (
              <span className="reaction-menu" role="menu">
                {REACTION_NAMES.map((r) => (
                  <button
                    type="button"
                    key={r}
                    role="menuitem"
                    aria-label={REACTION_LABEL[r]}
                    title={REACTION_LABEL[r]}
                    onClick={() => react(r, !(comment.reactions[r] ?? []).includes(meId))}
                    data-testid={`react-${r}`}
                  >
                    <ReactionIcon reaction={r} size={20} />
                  </button>
                ))}
              </span>
            )}
          </span>
        )}
      </div>
    </li>
  );
}

/** "14:05" today (the thread is a conversation), else as the history says ("Yesterday 09:12"). */
function shortWhen(at: number): string {
  const when = formatWhen(at);
  return when.startsWith('Today ') ? when.slice(6) : when;
}
