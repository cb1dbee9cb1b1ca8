import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Sorts by fractional index, then id: two peers that picked the same index still agree. */
export function byIndex<T extends { readonly index: string; readonly id: string }>(a: T, b: T): number {
  if (a.index !== b.index) return a.index < b.index ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The index that places an item at `position` (0-based) among `sorted`, skipping `moving`. */
export function indexAt(sorted: readonly { index: string; id: string }[], position: number, moving?: string): string {
  const others = sorted.filter((s) => s.id !== moving);
  const at = Math.max(0, Math.min(position, others.length));
  return keyBetween(others[at - 1]?.index ?? null, others[at]?.index ?? null);
}

/** A key between two neighbours. Equal neighbours (a concurrent tie) leave no room: go after `before`. */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}

export function indexAfterLast(sorted: readonly { index: string }[]): string {
  return generateKeyBetween(sorted.at(-1)?.index ?? null, null);
}

export function initialIndexes(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}
