import { useMemo } from 'react';
import type { Department, Role } from '../../../shared/index.ts';
import { usePeers, useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';
import { useCommentsSnapshot } from '../../board/comments/hooks.ts';
import { usePeopleColours } from '../../board/peopleColours.ts';

/**
 * One person in the participant panel: their tabs and devices together (awareness is per
 * connection; the server stamps every state with the person it proved).
 */
export interface Participant {
  readonly key: string;
  /** Awareness client id of one of their connections, online first (what `following` points at). */
  readonly clientId: number;
  /** How many tabs or devices they have open here. */
  readonly devices: number;
  /** Signed in with a company account, or a guest by link; null when the server has not said (me). */
  readonly signedIn: boolean | null;
  /** When they first joined this board (server time), or null if not known yet. */
  readonly joinedAt: number | null;
  readonly userId: string;
  readonly name: string;
  readonly colour: string;
  readonly department: Department;
  /** Given by the server (stamped into awareness); null until known. */
  readonly role: Role | null;
  readonly away: boolean;
  readonly isMe: boolean;
  /** Whom this person follows, by name, or null. */
  readonly followingName: string | null;
  /** How many people follow this person. */
  readonly followers: number;
}

/** Me first, then everyone else in the order they arrived; one row per person. */
export function useParticipants(): readonly Participant[] {
  const session = useSession();
  const peers = usePeers();
  const me = useStore(session.identity, (s) => s.me);
  const myRole = useStore(session.access, (a) => a.role);
  const myFollowing = useStore(session.workshop.view, (v) => v.following);
  const joined = useCommentsSnapshot().people;
  const colours = usePeopleColours();
  return useMemo(() => {
    const joinedAt = new Map(joined.map((p) => [p.id, p.joinedAt]));
    const myId = session.presence.clientId;
    const names = new Map<number, string>([[myId, me.name], ...peers.map((p) => [p.clientId, p.user.name] as const)]);
    const connections = [
      {
        clientId: myId,
        userId: me.id,
        name: me.name,
        colour: me.colour,
        department: me.department,
        role: myRole,
        away: false,
        following: myFollowing,
        signedIn: null as boolean | null,
      },
      ...peers.map((p) => ({
        clientId: p.clientId,
        userId: p.user.id,
        name: p.user.name,
        colour: p.user.colour,
        department: p.user.department,
        role: p.role ?? null,
        away: p.away,
        following: p.following,
        signedIn: p.signedIn ?? null,
      })),
    ];
    const byPerson = new Map<string, typeof connections>();
    for (const c of connections) byPerson.set(c.userId, [...(byPerson.get(c.userId) ?? []), c]);
    return [...byPerson.values()].map((tabs) => {
      const shown = tabs.find((t) => !t.away) ?? tabs[0]!;
      const ids = new Set(tabs.map((t) => t.clientId));
      return {
        key: shown.userId,
        clientId: shown.clientId,
        devices: tabs.length,
        signedIn: tabs.find((t) => t.signedIn !== null)?.signedIn ?? null,
        joinedAt: joinedAt.get(shown.userId) ?? null,
        userId: shown.userId,
        name: shown.name,
        colour: colours.get(shown.userId) ?? shown.colour,
        department: shown.department,
        role: shown.role,
        away: tabs.every((t) => t.away),
        isMe: shown.userId === me.id,
        followingName: shown.following === null ? null : (names.get(shown.following) ?? null),
        followers: new Set(connections.filter((o) => o.following !== null && ids.has(o.following)).map((o) => o.userId))
          .size,
      };
    });
  }, [session, peers, me, myRole, myFollowing, joined, colours]);
}
