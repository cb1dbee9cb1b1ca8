import type { RoundId } from '../../../shared/index.ts';

/**
 * The round whose totals the board shows. 'latest' (the default, also after a reload) is the
 * last revealed round, so the dots stay on the notes after the reveal until this person hides
 * them; nothing while a round is open (its ballots are secret), or when hidden (null). A round
 * the facilitator took off everyone's board (`hiddenForEveryone`, workshop state) is not shown,
 * whatever this person chose, until the facilitator shows it again.
 */
export function shownRound<R extends { readonly id: RoundId }>(
  rounds: readonly R[],
  shown: RoundId | 'latest' | null,
  roundOpen: boolean,
  hiddenForEveryone: string | null = null,
): R | null {
  if (roundOpen || shown === null) return null;
  const round = shown === 'latest' ? (rounds.at(-1) ?? null) : (rounds.find((r) => r.id === shown) ?? null);
  return round && round.id === hiddenForEveryone ? null : round;
}
