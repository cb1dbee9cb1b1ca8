import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../shared/protocol/roles.ts';
import type { Database } from '../storage/database.ts';
import { changed, nullableNumber } from '../storage/rows.ts';
import {
  type IdentityStore,
  type NewDeviceCredential,
  type NewPerson,
  type NewTransfer,
  type RedeemOutcome,
  refusalOf,
  type StoredPerson,
} from './IdentityStore.ts';

export interface IdentityTables {
  people: {
    id: string;
    credential_hash: Uint8Array;
    created_at: number;
    issued_board_id: string;
    issued_role: string;
    revoked_at: number | null;
    issuer: string | null;
    subject: string | null;
    email: string | null;
    name: string | null;
  };
  device_credentials: { credential_hash: Uint8Array; person_id: string; created_at: number; revoked_at: number | null };
  device_transfers: {
    code_hash: Uint8Array;
    person_id: string;
    created_at: number;
    expires_at: number;
    redeemed_at: number | null;
  };
}

/**
 * People the server issued a credential to, their other devices' credentials and the codes that
 * move an identity to another device (IdentityStore.ts; tables: migrations/0009_people.ts).
 */
export class IdentityRepository implements IdentityStore {
  readonly #database: Database;
  readonly #db: Kysely<IdentityTables>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<IdentityTables>();
  }

  async addPerson(p: NewPerson): Promise<void> {
    await this.#db
      .insertInto('people')
      .values({
        id: p.id,
        credential_hash: p.credentialHash,
        created_at: p.createdAt,
        issued_board_id: p.issuedBoardId,
        issued_role: p.issuedRole,
      })
      .execute();
  }

  async addCredential(personId: string, hash: Uint8Array, at: number): Promise<void> {
    await this.#db
      .insertInto('device_credentials')
      .values({ credential_hash: hash, person_id: personId, created_at: at })
      .execute();
  }

  async personByCredential(hash: Uint8Array): Promise<StoredPerson | null> {
    const person = await this.#db
      .selectFrom('people')
      .selectAll()
      .where('credential_hash', '=', hash)
      .executeTakeFirst();
    if (person) return toPerson(person);
    // Another device's credential reads as its person, revoked when either is.
    const device = await this.#db
      .selectFrom('device_credentials as d')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .select((eb) => [
        'p.id',
        'd.credential_hash',
        'p.created_at',
        'p.issued_board_id',
        'p.issued_role',
        eb.fn.coalesce('p.revoked_at', 'd.revoked_at').as('revoked_at'),
        'p.issuer',
      ])
      .where('d.credential_hash', '=', hash)
      .executeTakeFirst();
    return device ? toPerson(device) : null;
  }

  async countIssuedSince(boardId: string, role: Role, since: number): Promise<number> {
    const row = await this.#db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('issued_board_id', '=', boardId)
      .where('issued_role', '=', role)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async revokePerson(personId: string, at: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('people')
      .set({ revoked_at: at })
      .where('id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return changed(result) > 0;
  }

  async addTransfer(t: NewTransfer): Promise<void> {
    await this.#database.transaction<IdentityTables, void>(async (trx) => {
      await trx
        .deleteFrom('device_transfers')
        .where('person_id', '=', t.personId)
        .where('redeemed_at', 'is', null)
        .execute();
      await trx
        .insertInto('device_transfers')
        .values({ code_hash: t.codeHash, person_id: t.personId, created_at: t.createdAt, expires_at: t.expiresAt })
        .execute();
    });
  }

  async redeemTransfer(codeHash: Uint8Array, now: number, device: NewDeviceCredential): Promise<RedeemOutcome> {
    return this.#database.transaction<IdentityTables, RedeemOutcome>(async (trx) => {
      // The conditional update is the single-use check: of two racing redeems, one updates the row.
      const won = await trx
        .updateTable('device_transfers')
        .set({ redeemed_at: now })
        .where('code_hash', '=', codeHash)
        .where('redeemed_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('person_id')
        .executeTakeFirst();
      if (!won) {
        const row = await trx
          .selectFrom('device_transfers')
          .select(['expires_at', 'redeemed_at'])
          .where('code_hash', '=', codeHash)
          .executeTakeFirst();
        return refusalOf(row, now);
      }
      await trx
        .insertInto('device_credentials')
        .values({ credential_hash: device.credentialHash, person_id: won.person_id, created_at: device.createdAt })
        .execute();
      return { kind: 'redeemed', personId: won.person_id };
    });
  }

  async pruneTransfers(before: number): Promise<void> {
    await this.#db.deleteFrom('device_transfers').where('expires_at', '<', before).execute();
  }
}

function toPerson(r: Omit<IdentityTables['people'], 'subject' | 'email' | 'name'>): StoredPerson {
  return {
    id: r.id,
    credentialHash: new Uint8Array(r.credential_hash),
    createdAt: Number(r.created_at),
    issuedBoardId: r.issued_board_id,
    issuedRole: isRole(r.issued_role) ? r.issued_role : 'viewer',
    revokedAt: nullableNumber(r.revoked_at),
    signedIn: r.issuer !== null && r.issuer !== undefined,
  };
}
