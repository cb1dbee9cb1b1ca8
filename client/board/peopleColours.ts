import { useMemo } from 'react';
import { peopleColours, type Peer } from '../../shared/index.ts';
import { useCommentsSnapshot } from './comments/hooks.ts';
import { usePeers, useSession } from './hooks.ts';
import { useStore } from './store.ts';

/**
 * The colour of each person present on this board (me and everyone in awareness), distinct for up
 * to ten people and the same on every screen: shared/presence/peopleColours.ts. Awareness still
 * carries each client's own hash colour; what is drawn comes from here.
 */
export function usePeopleColours(): ReadonlyMap<string, string> {
  const session = useSession();
  const peers = usePeers();
  const me = useStore(session.identity, (s) => s.me.id);
  const joined = useCommentsSnapshot().people;
  // Cursors move peers many times a second: recompute only when who is here changes.
  const key = [me, ...peers.map((p) => p.user.id)].sort().join('\n');
  return useMemo(() => peopleColours(key.split('\n'), joined), [key, joined]);
}

/** Peers with their board colour (for cursors, selections and the follow banner). */
export function usePeersInColour(): readonly Peer[] {
  const peers = usePeers();
  const colours = usePeopleColours();
  return useMemo(
    () =>
      peers.map((p) => {
        const colour = colours.get(p.user.id) ?? p.user.colour;
        return colour === p.user.colour ? p : { ...p, user: { ...p.user, colour } };
      }),
    [peers, colours],
  );
}
