import type { RoundId } from '../../../shared/index.ts';

/**
 * The round whose totals the board shows. 'latest' (the default, also after a reload) is the
 * last revealed round, so the dots stay on the notes after the reveal until this person hides
 * them; nothing while a round is open (its ballots are secret), or when hidden (null).
 */
export function shownRound<R extends { readonly id: RoundId }>(
  rounds: readonly R[],
  shown: RoundId | 'latest' | null,
  roundOpen: boolean,
): R | null {
  if (roundOpen || shown === null) return null;
  return shown === 'latest' ? (rounds.at(-1) ?? null) : (rounds.find((r) => r.id === shown) ?? null);
}
