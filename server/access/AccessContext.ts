import type { Connection } from '@hocuspocus/server';
import type { Role } from '../../shared/protocol/roles.ts';
import type { ProvenPerson } from '../identity/Identities.ts';

/** What RoleAccess puts in a connection's Hocuspocus context once the link and the person are proven. */
export interface AccessContext {
  readonly role: Role;
  readonly boardId: string;
  /** The person the connection's credential proved; every person-scoped thing is keyed by its id. */
  readonly person: ProvenPerson;
}

/** The proven person of a connection, or null for one RoleAccess did not admit (never in practice). */
export function personOf(connection: Pick<Connection, 'context'>): ProvenPerson | null {
  return (connection.context as Partial<AccessContext> | undefined)?.person ?? null;
}

export function roleOfConnection(connection: Pick<Connection, 'context'>): Role | null {
  return (connection.context as Partial<AccessContext> | undefined)?.role ?? null;
}
