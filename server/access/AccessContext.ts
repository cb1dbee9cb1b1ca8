import type { Connection } from '@hocuspocus/server';
import type { Role } from '../../shared/protocol/roles.ts';
import type { ProvenPerson } from '../identity/Identities.ts';

/** What RoleAccess puts in a connection's Hocuspocus context once the link and the person are proven. */
export interface AccessContext {
  readonly role: Role;
  /**
   * The role of the share link itself; `role` is lower for a guest on a members-only board. Unset
   * for a signed-in member who came back without the link (BoardEntry.memberRole).
   */
  readonly linkRole?: Role;
  /** sha256 (hex) of the link's token, never the token: after a Redis outage, tells whether it was rotated meanwhile. */
  readonly linkTokenHash?: string;
  readonly boardId: string;
  /** The person the connection's credential proved; every person-scoped thing is keyed by its id. */
  readonly person: ProvenPerson;
  /**
   * Set when the board admits only signed-in members of a domain and this person is not one: the
   * domain. Such a guest came in with at most commenter rights and may not vote.
   */
  readonly guestOfDomain?: string | null;
}

/** The proven person of a connection, or null for one RoleAccess did not admit (never in practice). */
export function personOf(connection: Pick<Connection, 'context'>): ProvenPerson | null {
  return (connection.context as Partial<AccessContext> | undefined)?.person ?? null;
}

export function roleOfConnection(connection: Pick<Connection, 'context'>): Role | null {
  return (connection.context as Partial<AccessContext> | undefined)?.role ?? null;
}
