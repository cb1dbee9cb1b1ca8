import { useState } from 'react';
import { useSession } from '../../board/hooks.ts';
import type { FutureStateView } from '../../board/useFutureState.ts';
import { Deferred, CompareDialog } from '../deferred.tsx';
import { pairedBoardHref } from './boardHref.ts';
import './futureState.css';

/**
 * Beside the title, on a board with a future state: a chip that opens the other board of the pair
 * ("Future state of …" on the future board, "Future state: …" on the current one) and Compare.
 * The other board opens with this board's link: the server lets it in with the same role. A board
 * without one shows nothing here (the bar keeps its room for the title): the facilitator makes one
 * from the Facilitate menu.
 */
export function StateLinkChip({ futureState }: { futureState: FutureStateView }) {
  const session = useSession();
  const { link } = futureState;
  const [comparing, setComparing] = useState(false);
  if (!link) return null;
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
