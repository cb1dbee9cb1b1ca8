import { colourForUser, PEOPLE_COLOURS, userHash } from './presence.ts';

/**
 * Colours for the people on one board, so that no two of them look alike (issue 22, item 14: two
 * people whose names start with S got near-identical red avatars, picked by a hash of the id).
 * Each person's own slot is their place in the order people first joined the board (the comments
 * document's `people`, written by the server, so every client sees the same order), taken modulo
 * the palette; a slot already taken by someone present goes to the next free one. So everyone
 * present gets a different colour up to ten people, a person keeps their colour while others come
 * and go, and every client computes the same colours. Past ten present, the hash of the id.
 */
export function peopleColours(
  present: Iterable<string>,
  joined: readonly { readonly id: string; readonly joinedAt: number }[],
): Map<string, string> {
  const order = [...joined].sort((a, b) => a.joinedAt - b.joinedAt || compare(a.id, b.id)).map((p) => p.id);
  const rank = new Map(order.map((id, i) => [id, i]));
  const n = PEOPLE_COLOURS.length;
  // Someone not in `joined` yet (just arrived) comes after everyone who is, in id order.
  const people = [...new Set(present)].sort(
    (a, b) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || compare(a, b),
  );
  const taken = new Set<number>();
  const colours = new Map<string, string>();
  for (const id of people) {
    if (taken.size === n) {
      colours.set(id, colourForUser(id));
      continue;
    }
    let slot = (rank.get(id) ?? userHash(id)) % n;
    while (taken.has(slot)) slot = (slot + 1) % n;
    taken.add(slot);
    colours.set(id, PEOPLE_COLOURS[slot]!);
  }
  return colours;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
