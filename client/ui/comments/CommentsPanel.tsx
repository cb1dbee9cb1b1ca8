import { useMemo } from 'react';
import {
  filterThreads,
  isUnread,
  mentions,
  type ThreadFilter,
  type ThreadView,
} from '../../../shared/comments/index.ts';
import { useComments, useCommentsSnapshot, useCommentsUi } from '../../board/comments/hooks.ts';
import { describeTarget, focusThread } from '../../board/comments/targets.ts';
import { useBoard, useSession } from '../../board/hooks.ts';
import { formatWhen } from '../historyFormat.ts';
import './comments.css';
import { SidePanel } from '../SidePanel.tsx';

const FILTERS: readonly { id: ThreadFilter; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'mine', label: 'Mine' },
  { id: 'mentions', label: 'Mentioning me' },
];

/** Every thread of the board, newest activity first, filtered; a click shows it in place. */
export function CommentsPanel() {
  const session = useSession();
  const comments = useComments();
  const snapshot = useCommentsSnapshot();
  const board = useBoard();
  const filter = useCommentsUi((s) => s.filter);
  const visit = useCommentsUi((s) => s.visit);
  useCommentsUi((s) => s.readsHere);
  const readOnly = useCommentsUi((s) => s.readOnlyReason) !== null;
  const me = comments.identity;
  const layout = session.layouts.layoutFor(board);
  const shown = useMemo(() => filterThreads(snapshot.threads, filter, me.id), [snapshot, filter, me.id]);
  const reads = comments.reads();
  const unread = (t: ThreadView) => visit !== null && isUnread(t, me.id, reads);
  const close = () => comments.ui.update({ panelOpen: false });

  return (
    <SidePanel
      className="comments-panel"
      titleId="comments-title"
      title="Comments"
      testId="comments-panel"
      onClose={close}
      closeLabel="Close comments"
    >
      <div className="segmented comment-filters" role="radiogroup" aria-label="Show threads">
        {FILTERS.map((f) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control: buttons in a radio group (WAI-ARIA), styled as one bar
          <button
            type="button"
            key={f.id}
            role="radio"
            aria-checked={filter === f.id}
            className={filter === f.id ? 'active' : ''}
            onClick={() => comments.ui.update({ filter: f.id })}
            data-testid={`filter-${f.id}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {!readOnly && (
        <button
          type="button"
          className="tb-button board-comment"
          onClick={() => comments.openPopover({ kind: 'board', id: board.meta.boardId || session.boardId })}
          data-testid="comment-on-board"
        >
          + Comment on the whole board
        </button>
      )}
      <ol className="stack-list thread-list" data-testid="thread-list">
        {shown.length === 0 && <li className="muted small empty-threads">{emptyText(filter)}</li>}
        {shown.map((t) => {
          const info = describeTarget(board, layout, t.target);
          const first = t.comments[0]!;
          const last = t.comments.at(-1)!;
          const replies = t.comments.length - 1;
          const mentioned = t.comments.some((c) => mentions(c, me.id));
          return (
            <li key={t.id}>
              <button
                type="button"
                className={`thread-row${unread(t) ? ' unread' : ''}${mentioned ? ' mentioned' : ''}${t.resolution ? ' resolved' : ''}`}
                onClick={() => focusThread(session, t)}
                data-testid="thread-row"
                data-thread-id={t.id}
                data-unread={unread(t)}
              >
                <span className="thread-row-top">
                  {unread(t) && <span className="unread-dot" role="img" aria-label="Unread" />}
                  <span className={info.exists ? 'thread-target' : 'thread-target deleted-target'}>
                    {info.kind !== 'Board' && info.exists ? `${info.kind}: ` : ''}
                    {info.label}
                  </span>
                  {mentioned && (
                    <span className="mention-chip" data-testid="row-mentions-me">
                      @you
                    </span>
                  )}
                  {t.resolution && <span className="resolved-chip">Resolved</span>}
                </span>
                <span className="thread-row-text">
                  <strong>{first.authorName}:</strong> {first.deleted ? 'Comment deleted' : first.text}
                </span>
                <span className="thread-row-meta muted small">
                  {replies > 0 ? `${replies} repl${replies === 1 ? 'y' : 'ies'} · ` : ''}
                  {last.authorName} · {formatWhen(t.lastActivityAt)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </SidePanel>
  );
}

function emptyText(filter: ThreadFilter): string {
  switch (filter) {
    case 'open':
      return 'No open threads. Select a note and choose Comment to start one.';
    case 'resolved':
      return 'No resolved threads yet.';
    case 'mine':
      return 'You have not commented yet.';
    case 'mentions':
      return 'Nobody has mentioned you.';
  }
}
