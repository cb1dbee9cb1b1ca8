import type { Role } from '../../shared/protocol/roles.ts';

/**
 * What company sign-in keeps, beside `people` (IdentityStore.ts): who a signed-in person is at
 * their company (issuer, subject, name, email on their `people` row), their sessions (only the
 * sha256 of a session id is stored), and the boards they joined. Stored by AccountRepository.ts.
 */
export interface AccountStore {
  /** Creates the person of (issuer, subject) or refreshes their name and email; returns their id. */
  upsertSignedIn(person: SignedInPerson): Promise<string>;
  /** Name, email, issuer of a signed-in person; null for a person who never signed in. */
  profileOf(personId: string): Promise<SignedInProfile | null>;
  addSession(session: StoredSession): Promise<void>;
  /** The session whose id hashes to `idHash`, expired or not; null if none or its person is revoked. */
  sessionByHash(idHash: Uint8Array): Promise<StoredSession | null>;
  deleteSession(idHash: Uint8Array): Promise<void>;
  /** Drops sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: number): Promise<number>;
  /** Remembers that a signed-in person opened `boardId` with `role` (no-op for anyone else). */
  recordMembership(personId: string, boardId: string, role: Role, at: number): Promise<void>;
  /** The boards a person joined, most recently seen first, with their titles. */
  membershipsOf(personId: string): Promise<readonly Membership[]>;
  /** The role a signed-in person last had on `boardId`; null if they never joined it signed in. */
  membershipOf(personId: string, boardId: string): Promise<Role | null>;
  /** The email domain whose signed-in members alone may edit and vote on `boardId`; null = anyone with a link. */
  membersDomain(boardId: string): Promise<string | null>;
  setMembersDomain(boardId: string, domain: string | null): Promise<void>;
}

export interface SignedInPerson {
  /** The id a first sign-in gives (derived from issuer and subject, see Sessions.ts). */
  readonly id: string;
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly at: number;
}

export interface SignedInProfile {
  readonly issuer: string;
  readonly email: string | null;
  readonly name: string | null;
}

export interface StoredSession {
  /** sha256 of the session id the cookie carries. */
  readonly idHash: Uint8Array;
  readonly personId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface Membership {
  readonly boardId: string;
  readonly title: string;
  readonly role: Role;
  readonly lastSeen: number;
}
