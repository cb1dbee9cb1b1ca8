import { isVotable, type Note } from '../../../shared/index.ts';
import { useSession } from '../../board/hooks.ts';
import { useVoting } from '../../board/voting/hooks.ts';

/**
 * Voting from the accessible outline: while a round is open, each note that can be voted on gets
 * "Add a dot" and "Take a dot back" buttons with my count, so keyboard and screen-reader users
 * vote as well as mouse users (the canvas is mouse-only).
 */
export function OutlineVote({ note }: { note: Note }) {
  const session = useSession();
  const round = useVoting((s) => s.round);
  const canVote = useVoting((s) => s.canVote);
  const mine = useVoting((s) => s.ballot?.dots[note.id] ?? 0);
  if (!round || !canVote || !isVotable(round.settings, { id: note.id, kind: note.kind, laneId: note.position.laneId }))
    return null;
  const what = note.text || 'this note';
  return (
    <div className="outline-actions outline-vote" data-testid={`outline-vote-${note.id}`}>
      <span className="outline-vote-count" aria-live="polite">
        Your dots: <strong>{mine}</strong>
      </span>
      <button
        type="button"
        className="tb-button"
        onClick={() => session.voting.place(note.id)}
        aria-label={`Add a dot to “${what}”`}
      >
        + Dot
      </button>
      <button
        type="button"
        className="tb-button"
        disabled={mine === 0}
        onClick={() => session.voting.remove(note.id)}
        aria-label={`Take a dot back from “${what}”`}
      >
        − Dot
      </button>
    </div>
  );
}
