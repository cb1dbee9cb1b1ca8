import { canFacilitate, type LaneId } from '../../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';
import { useCountdown, useVoting } from '../../board/voting/hooks.ts';
import { useState } from 'react';
import { Dialog } from '../Dialog.tsx';
import { Deferred, ResultsPanel, StartVotingDialog } from '../deferred.tsx';
import './voting.css';
import { OverBoard } from '../OverBoard.tsx';

/**
 * Everything about voting that floats over the board: the bar of the open round (my dots, the
 * countdown, and for the facilitator who still has dots, Reveal and Cancel), the facilitator's
 * "Start voting" when no round is open, the start dialog and the results panel.
 */
export function VotingDock() {
  const session = useSession();
  const board = useBoard();
  const role = useStore(session.access, (a) => a.role);
  const facilitator = role !== null && canFacilitate(role);
  const round = useVoting((s) => s.round);
  const startOpen = useVoting((s) => s.startDialogOpen);
  const resultsOpen = useVoting((s) => s.resultsOpen);
  const set = (patch: Parameters<typeof session.voting.state.update>[0]) => session.voting.state.update(patch);
  return (
    <>
      {round ? (
        <VotingBar facilitator={facilitator} />
      ) : (
        (facilitator || board.rounds.length > 0) && (
          <OverBoard className="voting-dock" data-testid="voting-dock">
            {facilitator && (
              <button
                type="button"
                className="btn primary"
                onClick={() => set({ startDialogOpen: true })}
                data-testid="start-voting"
              >
                <span aria-hidden>●</span> Start voting
              </button>
            )}
            {board.rounds.length > 0 && (
              <button
                type="button"
                className={resultsOpen ? 'btn active' : 'btn'}
                aria-pressed={resultsOpen}
                onClick={() => set({ resultsOpen: !resultsOpen })}
                data-testid="voting-results-button"
              >
                Results <span className="count-pill">{board.rounds.length}</span>
              </button>
            )}
          </OverBoard>
        )
      )}
      <Deferred>
        {startOpen && <StartVotingDialog onClose={() => set({ startDialogOpen: false })} />}
        {resultsOpen && !round && board.rounds.length > 0 && (
          <ResultsPanel onClose={() => set({ resultsOpen: false })} />
        )}
      </Deferred>
    </>
  );
}

function VotingBar({ facilitator }: { facilitator: boolean }) {
  const session = useSession();
  const board = useBoard();
  const round = useVoting((s) => s.round)!;
  const ballot = useVoting((s) => s.ballot);
  const canVote = useVoting((s) => s.canVote);
  const whyNot = useVoting((s) => s.whyNot);
  const pending = useVoting((s) => s.pending);
  const voteMode = useVoting((s) => s.voteMode);
  const seconds = useCountdown();
  const outline = useEditor((s) => s.view === 'outline');
  const [confirming, setConfirming] = useState(false);
  const { settings } = round;
  const remaining = ballot?.remaining ?? 0;
  const laneNames = new Map(board.lanes.map((l) => [l.id, l.name]));
  const laneBudgets = Object.entries(ballot?.remainingByLane ?? {}) as [LaneId, number][];
  return (
    <OverBoard as="section" className="voting-bar" aria-label="Voting round" data-testid="voting-bar">
      <div className="voting-bar-main">
        <span className="voting-live" aria-hidden />
        <div className="voting-title">
          <strong data-testid="voting-title">{settings.title}</strong>
          <span className="muted small">
            {settings.dotsPerPerson} dots each
            {settings.capPerNote !== null ? ` · at most ${settings.capPerNote} per note` : ''} ·{' '}
            {settings.anonymous ? 'anonymous' : 'named'}
          </span>
        </div>
        {seconds !== null && (
          <span
            className={seconds <= 30 ? 'voting-timer urgent' : 'voting-timer'}
            data-testid="voting-countdown"
            title="Time left (server clock)"
          >
            {formatDuration(seconds)}
          </span>
        )}
        {canVote ? (
          <div className="my-dots" data-testid="my-dots">
            <span className="dot-row" role="img" aria-label={`${remaining} of ${settings.dotsPerPerson} dots left`}>
              {Array.from({ length: Math.min(settings.dotsPerPerson, 12) }, (_, i) => (
                <span key={i} className={i < settings.dotsPerPerson - remaining ? 'dot used' : 'dot'} />
              ))}
            </span>
            <span data-testid="dots-left">
              <strong>{remaining}</strong> left
            </span>
            {laneBudgets.map(([lane, left]) => (
              <span key={lane} className="lane-left">
                {laneNames.get(lane) ?? 'Lane'}: {left}
              </span>
            ))}
          </div>
        ) : (
          <span className="muted small" data-testid="cannot-vote">
            {whyNot}
          </span>
        )}
        {canVote && !outline && (
          <button
            type="button"
            className={voteMode ? 'btn toggle on' : 'btn toggle'}
            aria-pressed={voteMode}
            onClick={() => session.voting.state.update({ voteMode: !voteMode })}
            data-testid="vote-mode"
            title="While on, clicking a note places a dot"
          >
            {voteMode ? 'Voting on' : 'Voting paused'}
          </button>
        )}
        {facilitator && (
          <>
            <button
              type="button"
              className="btn primary"
              onClick={() => session.voting.reveal()}
              data-testid="reveal-votes"
            >
              Reveal
            </button>
            <button type="button" className="btn ghost" onClick={() => setConfirming(true)} data-testid="cancel-round">
              Cancel
            </button>
          </>
        )}
      </div>
      {facilitator && pending && (
        <div className="voting-pending" data-testid="voting-pending">
          {pending.length === 0 ? (
            'Everyone has used their dots.'
          ) : (
            <>
              <strong>
                {pending.length} {pending.length === 1 ? 'person still has' : 'people still have'} dots:
              </strong>{' '}
              {pending.map((p) => `${p.name} (${p.remaining})`).join(', ')}
            </>
          )}
        </div>
      )}
      {confirming && (
        <Dialog title="Cancel this round?" onClose={() => setConfirming(false)}>
          <p className="muted">
            Nobody’s dots are revealed or kept on the board. You can start a new round afterwards.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              Keep voting
            </button>
            <button
              type="button"
              className="btn danger"
              data-testid="confirm-cancel-round"
              onClick={() => {
                setConfirming(false);
                session.voting.cancel();
              }}
            >
              Cancel the round
            </button>
          </div>
        </Dialog>
      )}
      {canVote && outline && (
        <div className="voting-hint muted small">Use “+ Dot” and “− Dot” on the notes of this round</div>
      )}
      {canVote && voteMode && !outline && (
        <div className="voting-hint muted small">
          Click a note to add a dot · click one of your dots to take it back · faded notes are not in this round · your
          cursor is hidden while you vote
        </div>
      )}
    </OverBoard>
  );
}

/** 75 → "1:15"; 90,000 → "1d 1h". */
function formatDuration(seconds: number): string {
  if (seconds >= 86_400) return `${Math.floor(seconds / 86_400)}d ${Math.floor((seconds % 86_400) / 3600)}h`;
  if (seconds >= 3600)
    return `${Math.floor(seconds / 3600)}h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
