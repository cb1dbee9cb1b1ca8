import { randomBytes } from 'node:crypto';
import { isRole, type Role } from '../../shared/protocol/roles.ts';
import { Repository } from '../storage/Repository.ts';
import { PreparedQuery } from '../storage/PreparedQuery.ts';
import { changed } from '../storage/rows.ts';
import type { IdentityTables } from './IdentityRepository.ts';

interface AccountTables {
  people: IdentityTables['people'];
  boards: { id: string; title: string };
  sessions: StoredSession;
  board_members: { personId: string; boardId: string; role: string; lastSeen: number };
  board_sign_in_rules: { boardId: string; membersDomain: string };
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

/**
 * What company sign-in keeps, beside `people` (IdentityRepository.ts): who a signed-in person is at
 * their company (issuer, subject, name, email on their `people` row), their sessions (only the
 * sha256 of a session id is stored), and the boards they joined (tables: migrations/0011_accounts.ts).
 */
export class AccountRepository extends Repository<AccountTables> {
  /** Runs on every connection of a signed-in person: compiled once (PreparedQuery.ts). */
  readonly #recordMembership = new PreparedQuery(
    this.db,
    ['personId', 'boardId', 'role', 'at'],
    (a: { personId: string; boardId: string; role: Role; at: number }) =>
      this.db
        .insertInto('board_members')
        .columns(['personId', 'boardId', 'role', 'lastSeen'])
        .expression(
          this.db
            .selectFrom('people')
            .select((eb) => [
              'id',
              eb.val(a.boardId).as('boardId'),
              eb.val(a.role).as('role'),
              eb.val(a.at).as('lastSeen'),
            ])
            .where('id', '=', a.personId)
            .where('issuer', 'is not', null),
        )
        .onConflict((oc) =>
          oc.columns(['personId', 'boardId']).doUpdateSet((eb) => ({
            role: eb.ref('excluded.role'),
            lastSeen: eb.ref('excluded.lastSeen'),
          })),
        ),
  );

  /** Creates the person of (issuer, subject) or refreshes their name and email; returns their id. */
  async upsertSignedIn(p: SignedInPerson): Promise<string> {
    // A signed-in person proves themselves by session; the row's own credential is random and never shown.
    const { id, issuer, subject, email, name } = p;
    const row = await this.db
      .insertInto('people')
      .values({
        id,
        issuer,
        subject,
        email,
        name,
        credentialHash: randomBytes(32),
        createdAt: p.at,
        issuedBoardId: '',
        issuedRole: 'viewer',
      })
      .onConflict((oc) =>
        oc
          .columns(['issuer', 'subject'])
          .doUpdateSet((eb) => ({ email: eb.ref('excluded.email'), name: eb.ref('excluded.name') })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Name, email, issuer of a signed-in person; null for a person who never signed in. */
  async profileOf(personId: string): Promise<SignedInProfile | null> {
    const row = await this.db
      .selectFrom('people')
      .select(['issuer', 'email', 'name'])
      .where('id', '=', personId)
      .where('issuer', 'is not', null)
      .executeTakeFirst();
    return row ? { issuer: String(row.issuer), email: row.email ?? null, name: row.name ?? null } : null;
  }

  async addSession(s: StoredSession): Promise<void> {
    const { idHash, personId, createdAt, expiresAt } = s;
    await this.db.insertInto('sessions').values({ idHash, personId, createdAt, expiresAt }).execute();
  }

  /** The session whose id hashes to `idHash`, expired or not; null if none or its person is revoked. */
  async sessionByHash(idHash: Uint8Array): Promise<StoredSession | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('people as p', 'p.id', 's.personId')
      .selectAll('s')
      .where('s.idHash', '=', idHash)
      .where('p.revokedAt', 'is', null)
      .executeTakeFirst();
    return row ? { ...row, idHash: new Uint8Array(row.idHash) } : null;
  }

  async deleteSession(idHash: Uint8Array): Promise<void> {
    await this.db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
  }

  /** Drops sessions that expired before `now`; returns how many. */
  async deleteExpiredSessions(now: number): Promise<number> {
    return changed(await this.db.deleteFrom('sessions').where('expiresAt', '<', now).executeTakeFirst());
  }

  /** Remembers that a signed-in person opened `boardId` with `role` (no-op for anyone else). */
  async recordMembership(personId: string, boardId: string, role: Role, at: number): Promise<void> {
    await this.#recordMembership.execute({ personId, boardId, role, at });
  }

  /** The boards a person joined, most recently seen first, with their titles. */
  async membershipsOf(personId: string): Promise<readonly Membership[]> {
    const rows = await this.db
      .selectFrom('board_members as m')
      .innerJoin('boards as b', 'b.id', 'm.boardId')
      .select(['m.boardId', 'b.title', 'm.role', 'm.lastSeen'])
      .where('m.personId', '=', personId)
      .orderBy('m.lastSeen', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({ ...r, role: isRole(r.role) ? r.role : 'viewer' }));
  }

  /** The role a signed-in person last had on `boardId`; null if they never joined it signed in. */
  async membershipOf(personId: string, boardId: string): Promise<Role | null> {
    const row = await this.db
      .selectFrom('board_members')
      .select('role')
      .where('personId', '=', personId)
      .where('boardId', '=', boardId)
      .executeTakeFirst();
    // A role this version does not know is no role: never a guess that grants more.
    return row && isRole(row.role) ? row.role : null;
  }

  /** The email domain whose signed-in members alone may edit and vote on `boardId`; null = anyone with a link. */
  async membersDomain(boardId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('board_sign_in_rules')
      .select('membersDomain')
      .where('boardId', '=', boardId)
      .executeTakeFirst();
    return row?.membersDomain ?? null;
  }

  async setMembersDomain(boardId: string, domain: string | null): Promise<void> {
    if (domain === null) {
      await this.db.deleteFrom('board_sign_in_rules').where('boardId', '=', boardId).execute();
      return;
    }
    await this.db
      .insertInto('board_sign_in_rules')
      .values({ boardId, membersDomain: domain })
      .onConflict((oc) =>
        oc.column('boardId').doUpdateSet((eb) => ({ membersDomain: eb.ref('excluded.membersDomain') })),
      )
      .execute();
  }
}
