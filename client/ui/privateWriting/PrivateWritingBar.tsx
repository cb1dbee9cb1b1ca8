import { DeptMark } from '../DeptMark.tsx';
import { canFacilitate } from '../../../shared/index.ts';
import { useSession } from '../../board/hooks.ts';
import { usePrivateWriting } from '../../board/privateWriting/hooks.ts';
import { useStore } from '../../board/store.ts';
import { LockSmall } from './DraftOverlay.tsx';
import './privateWriting.css';
import { OverBoard } from '../OverBoard.tsx';

/**
 * The private-writing banner over the board: while a phase is open, what it means for me, how
 * many private notes I have, and how many each other person has ("Ann is writing… 3 notes"),
 * never what; the facilitator reveals or cancels here. Between phases, only someone who still has
 * drafts (kept from a cancelled phase) sees a reminder.
 */
export function PrivateWritingBar() {
  const session = useSession();
  const role = useStore(session.access, (a) => a.role);
  const me = useStore(session.identity, (s) => s.me.id);
  const phase = usePrivateWriting((s) => s.phase);
  const canWrite = usePrivateWriting((s) => s.canWrite);
  const why = usePrivateWriting((s) => s.why);
  const mine = usePrivateWriting((s) => s.drafts.length);
  const writers = usePrivateWriting((s) => s.writers);
  const facilitator = role !== null && canFacilitate(role);
  const others = writers.filter((w) => w.personId !== me);
  if (!phase) {
    if (mine === 0) return null;
    return (
      <div className="pw-bar pw-kept" role="status" data-testid="private-writing-bar">
        <LockSmall /> You have {plural(mine, 'private note')} from a cancelled writing phase: only you see{' '}
        {mine === 1 ? 'it' : 'them'}; the next reveal adds {mine === 1 ? 'it' : 'them'} to the board.
      </div>
    );
  }
  return (
    <OverBoard as="section" className="pw-bar" aria-label="Private writing" data-testid="private-writing-bar">
      <div className="pw-main">
        <span className="pw-badge">
          <LockSmall /> Private writing
        </span>
        <span className="pw-what">
          {canWrite
            ? 'Notes you add are visible only to you until the facilitator reveals them.'
            : (why ?? 'Notes appear when the facilitator reveals them.')}
          {canWrite && <strong data-testid="my-draft-count"> You: {plural(mine, 'private note')}.</strong>}
        </span>
        {facilitator && (
          <span className="pw-actions">
            <button
              type="button"
              className="btn primary"
              onClick={() => session.privateWriting.reveal()}
              data-testid="private-reveal"
            >
              Reveal notes
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() => session.privateWriting.cancel()}
              data-testid="private-cancel"
              title="End private writing without revealing: everyone keeps their private notes for the next reveal"
            >
              Cancel
            </button>
          </span>
        )}
      </div>
      {others.length > 0 && (
        <ul className="pw-writers" aria-label="Who is writing" data-testid="private-writers">
          {others.map((w) => (
            <li key={w.personId}>
              <DeptMark department={w.department} />
              {w.name} is writing… {plural(w.count, 'note')}
            </li>
          ))}
        </ul>
      )}
    </OverBoard>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
