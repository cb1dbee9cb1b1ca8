import { useMemo } from 'react';
import type { Department, Role } from '../../../shared/index.ts';
import { usePeers, useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';

/** One person in the participant panel (one row per open tab: awareness is per connection). */
export interface Participant {
  readonly key: string;
  /** Awareness client id (what `following` points at). */
  readonly clientId: number;
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

/** Me first, then everyone else by name. */
export function useParticipants(): readonly Participant[] {
  const session = useSession();
  const peers = usePeers();
  const me = useStore(session.identity, (s) => s.me);
  const myRole = useStore(session.access, (a) => a.role);
  const myFollowing = useStore(session.workshop.view, (v) => v.following);
  return useMemo(() => {
    const myId = session.presence.clientId;
    const names = new Map<number, string>([[myId, me.name], ...peers.map((p) => [p.clientId, p.user.name] as const)]);
    const base = [
      { clientId: myId, userId: me.id, name: me.name, colour: me.colour, department: me.department, role: myRole, away: false, isMe: true, following: myFollowing },
      ...peers.map((p) => ({ clientId: p.clientId, userId: p.user.id, name: p.user.name, colour: p.user.colour, department: p.user.department, role: p.role ?? null, away: p.away, isMe: false, following: p.following })),
    ];
    return base.map(({ following, ...p }) => ({
      ...p,
      key: p.isMe ? 'me' : String(p.clientId),
      followingName: following === null ? null : (names.get(following) ?? null),
      followers: base.filter((o) => o.following === p.clientId).length,
    }));
  }, [session, peers, me, myRole, myFollowing]);
}
