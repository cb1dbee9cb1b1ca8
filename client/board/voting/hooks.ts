import { useEffect, useMemo, useState } from 'react';
import type { BoardSnapshot, NoteId, Round, RoundSettings } from '../../../shared/index.ts';
import { useSession } from '../hooks.ts';
import { useStore } from '../store.ts';
import { shownRound } from './shownRound.ts';
import type { VotingState } from './votingSession.ts';

export function useVoting<S>(select: (s: VotingState) => S): S {
  return useStore(useSession().voting.state, select);
}

const NO_DOTS: Readonly<Record<NoteId, number>> = {};

/** What the canvas draws: the open round's settings, my dots, or the totals of the round shown. */
export function useVotesOnCanvas(board: BoardSnapshot): {
  openRound: RoundSettings | null;
  myDots: Readonly<Record<NoteId, number>>;
  totals: Readonly<Record<NoteId, number>> | null;
} {
  const round = useVoting((s) => s.round);
  const dots = useVoting((s) => s.ballot?.dots ?? NO_DOTS);
  const shown = useVoting((s) => s.shownRoundId);
  const hiddenForEveryone = useStore(useSession().workshop.view, (v) => v.state.hiddenVoteRound);
  const totals = useMemo(
    () => shownRound(board.rounds, shown, round !== null, hiddenForEveryone)?.totals ?? null,
    [board.rounds, shown, round, hiddenForEveryone],
  );
  return { openRound: round?.settings ?? null, myDots: dots, totals };
}

/** Seconds left until the open round's time limit, by the server's clock; null without a limit. */
export function useCountdown(): number | null {
  const session = useSession();
  const endsAt = useVoting((s) => s.round?.endsAt ?? null);
  const [, tick] = useState(0);
  useEffect(() => {
    if (endsAt === null) return;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [endsAt]);
  return endsAt === null ? null : Math.max(0, Math.ceil((endsAt - session.voting.serverNow()) / 1000));
}

/** Revealed rounds, newest first (the board's list is oldest first). */
export function useRevealedRounds(board: BoardSnapshot): readonly Round[] {
  return useMemo(() => [...board.rounds].reverse(), [board.rounds]);
}
