import { useState } from 'react';
import { canWrite } from '../../../shared/index.ts';
import { useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';
import { useFutureState } from '../../board/useFutureState.ts';
import { Deferred, CompareDialog } from '../deferred.tsx';
import { pairedBoardHref } from './boardHref.ts';
import './futureState.css';

/**
 * Beside the title: on a board with a future state, a chip that opens the other board of the pair
 * ("Future state of …" on the future board, "Future state: …" on the current one) and Compare; on
 * a board without one, "Make future state" for a facilitator or an editor. The other board opens
 * with this board's link: the server lets it in with the same role.
 */
export function StateLinkChip() {
  const session = useSession();
  const role = useStore(session.access, (a) => a.role);
  const { link, making, make } = useFutureState();
  const [comparing, setComparing] = useState(false);
  if (link === undefined) return null;
  if (link === null) {
    if (!role || !canWrite(role, 'board')) return null;
    return (
      <button
        type="button"
        className="btn ghost state-make"
        onClick={make}
        disabled={making}
        title="Make a future-state board: a linked copy of this journey to redesign, with a compare view"
        data-testid="make-future-state"
      >
        {making ? 'Making…' : 'Make future state'}
      </button>
    );
  }
  const isFuture = link.future.id === session.boardId;
  const other = isFuture ? link.current : link.future;
  return (
    <span className="state-link" data-testid="state-link">
      <a
        className="state-chip"
        href={pairedBoardHref(other.id, session.token)}
        title={`Open “${other.title}”`}
        aria-label={`${isFuture ? 'Future state of' : 'Future state:'} ${other.title}`}
        data-testid={isFuture ? 'open-current-state' : 'open-future-state'}
      >
        <span className="state-chip-kind">{isFuture ? 'Future state of' : 'Future state:'}</span>{' '}
        <span className="state-chip-title">{other.title}</span>
        {/* On a phone the bar has room for a word: the board the chip opens. */}
        <span className="state-chip-short">{isFuture ? 'Current' : 'Future'}</span>
      </a>
      <button type="button" className="btn ghost" onClick={() => setComparing(true)} data-testid="compare-states">
        Compare
      </button>
      <Deferred>{comparing && <CompareDialog onClose={() => setComparing(false)} />}</Deferred>
    </span>
  );
}
