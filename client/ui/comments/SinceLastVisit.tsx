import { useMemo, useState } from 'react';
import type { NoteId } from '../../../shared/index.ts';
import { useComments, useCommentsSnapshot, useCommentsUi } from '../../board/comments/hooks.ts';
import { buildArrivalSummary, summaryHeadline } from '../../board/comments/summary.ts';
import { describeTarget, focusTarget, focusThread } from '../../board/comments/targets.ts';
import { useBoard, useSession } from '../../board/hooks.ts';
import { formatWhen } from '../historyFormat.ts';
import './comments.css';
import { PanelHeading } from '../PanelHeading.tsx';
import { OverBoard } from '../OverBoard.tsx';

const CHANGE_LABEL = { added: 'Added', edited: 'Edited', moved: 'Moved', deleted: 'Deleted' } as const;
const SHOWN = 5;

/** On arrival: what changed since this person was last here; each item shows its place. */
export function SinceLastVisit() {
  const session = useSession();
  const comments = useComments();
  const open = useCommentsUi((s) => s.summaryOpen);
  const visit = useCommentsUi((s) => s.visit);
  const board = useBoard();
  const snapshot = useCommentsSnapshot();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  // Computed once per arrival (the card is about then, not a live feed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit on purpose, not on every board change
  const summary = useMemo(() => buildArrivalSummary(visit, board, snapshot, comments.identity.id), [visit]);
  if (!open || !summary) return null;
  const layout = session.layouts.layoutFor(board);
  const close = () => comments.ui.update({ summaryOpen: false });
  const more = (key: string, n: number) =>
    n > SHOWN && !expanded[key] ? (
      <li>
        <button type="button" className="link-button" onClick={() => setExpanded((e) => ({ ...e, [key]: true }))}>
          and {n - SHOWN} more
        </button>
      </li>
    ) : null;
  const cut = <T,>(key: string, list: readonly T[]) => (expanded[key] ? list : list.slice(0, SHOWN));

  return (
    <OverBoard
      as="section"
      className="since-card floating-card"
      aria-labelledby="since-title"
      data-testid="since-summary"
    >
      <PanelHeading
        className="since-head"
        titleId="since-title"
        title="Since you were last here"
        sub={
          <p className="small muted">
            {formatWhen(summary.since)} · {summaryHeadline(summary)}
          </p>
        }
        closeLabel="Close the summary"
        closeTestId="since-close"
        onClose={close}
      />
      <div className="since-body">
        {summary.notes.length > 0 && (
          <>
            <h3>Notes</h3>
            <ul className="stack-list">
              {cut('notes', summary.notes).map((n) => (
                <li key={n.noteId}>
                  <button
                    type="button"
                    className="since-item"
                    disabled={!n.exists}
                    title={n.exists ? 'Show it on the board' : 'This note was deleted; History can bring it back'}
                    onClick={() => focusTarget(session, { kind: 'note', id: n.noteId })}
                    data-testid="summary-item"
                    data-change={n.change}
                  >
                    <span className={`change-chip change-${n.change}`}>{CHANGE_LABEL[n.change]}</span>
                    <span className="since-label">{n.label || 'Empty note'}</span>
                  </button>
                </li>
              ))}
              {more('notes', summary.notes.length)}
            </ul>
          </>
        )}
        {summary.comments.length > 0 && (
          <>
            <h3>Comments</h3>
            <ul className="stack-list">
              {cut('comments', summary.comments).map(({ thread, comment }) => (
                <li key={comment.id}>
                  <button
                    type="button"
                    className="since-item"
                    onClick={() => focusThread(session, thread)}
                    data-testid="summary-item"
                    data-change="comment"
                  >
                    <span className="change-chip change-comment">{comment.authorName}</span>
                    <span className="since-label">
                      {comment.text}
                      <span className="muted"> · on {describeTarget(board, layout, thread.target).label}</span>
                    </span>
                  </button>
                </li>
              ))}
              {more('comments', summary.comments.length)}
            </ul>
          </>
        )}
        {summary.rounds.length > 0 && (
          <>
            <h3>Votes revealed</h3>
            <ul className="stack-list">
              {summary.rounds.map(({ round, topNote }) => (
                <li key={round.id}>
                  <button
                    type="button"
                    className="since-item"
                    disabled={!topNote}
                    onClick={() => topNote && focusTarget(session, { kind: 'note', id: topNote as NoteId })}
                    data-testid="summary-item"
                    data-change="round"
                  >
                    <span className="change-chip change-round">Vote</span>
                    <span className="since-label">
                      {round.title}{' '}
                      <span className="muted">
                        · {round.voterCount} voters{topNote ? ', show the top note' : ''}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </OverBoard>
  );
}
