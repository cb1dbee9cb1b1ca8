import { isRole, type Role } from '../../shared/protocol/roles.ts';
import { changed } from '../storage/rows.ts';
import { Repository } from '../storage/Repository.ts';

export interface IdentityTables {
  people: Omit<NewPerson, 'issuedRole'> & {
    issuedRole: string;
    revokedAt: number | null;
    /** Company sign-in (AccountRepository.ts); null for a guest by link. */
    issuer: string | null;
    subject: string | null;
    email: string | null;
    name: string | null;
  };
  device_credentials: NewDeviceCredential & { personId: string; revokedAt: number | null };
  device_transfers: NewTransfer & { redeemedAt: number | null };
}

export interface NewPerson {
  readonly id: string;
  /** sha256 of the credential, 32 bytes. */
  readonly credentialHash: Uint8Array;
  readonly createdAt: number;
  /** The board and link role the identity was issued through (for the per-link rate limit). */
  readonly issuedBoardId: string;
  readonly issuedRole: Role;
}

export interface StoredPerson extends NewPerson {
  readonly revokedAt: number | null;
  /** A person made by company sign-in (issuer and subject known), not a guest by link. */
  readonly signedIn: boolean;
}

export interface NewTransfer {
  /** sha256 of the code, 32 bytes. */
  readonly codeHash: Uint8Array;
  readonly personId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** Another device's credential for an existing person. */
export interface NewDeviceCredential {
  /** sha256 of the credential, 32 bytes. */
  readonly credentialHash: Uint8Array;
  readonly createdAt: number;
}

export type RedeemOutcome =
  | { readonly kind: 'redeemed'; readonly personId: string }
  | { readonly kind: 'unknown' | 'expired' | 'used' };

/**
 * People the server has issued a credential to (shared/protocol/identity.ts), their other devices'
 * credentials and the codes that move an identity to another device (tables:
 * migrations/0009_people.ts). Only the credential's sha256 is kept; a lost database does not hand
 * anyone's identity to a reader of it. A person is not tied to one board: the same device is the
 * same person on every board of this server, which is what "use this identity on another device"
 * and company sign-in build on.
 */
export class IdentityRepository extends Repository<IdentityTables> {
  /** Stores a new person; fails if the id or the credential hash is taken. */
  async addPerson(p: NewPerson): Promise<void> {
    const { id, credentialHash, createdAt, issuedBoardId, issuedRole } = p;
    await this.db.insertInto('people').values({ id, credentialHash, createdAt, issuedBoardId, issuedRole }).execute();
  }

  /** Another credential for an existing person (a signed-in person's device); fails if the hash is taken. */
  async addCredential(personId: string, hash: Uint8Array, at: number): Promise<void> {
    await this.db.insertInto('device_credentials').values({ credentialHash: hash, personId, createdAt: at }).execute();
  }

  /**
   * The person whose credential hashes to `credentialHash` (the first one, or one added for another
   * device), revoked or not; null if none. A device's credential counts as revoked with its person.
   */
  async personByCredential(hash: Uint8Array): Promise<StoredPerson | null> {
    const person = await this.db.selectFrom('people').selectAll().where('credentialHash', '=', hash).executeTakeFirst();
    if (person) return toPerson(person);
    // Another device's credential reads as its person, revoked when either is.
    const device = await this.db
      .selectFrom('device_credentials as d')
      .innerJoin('people as p', 'p.id', 'd.personId')
      .select((eb) => [
        'p.id',
        'd.credentialHash',
        'p.createdAt',
        'p.issuedBoardId',
        'p.issuedRole',
        eb.fn.coalesce('p.revokedAt', 'd.revokedAt').as('revokedAt'),
        'p.issuer',
      ])
      .where('d.credentialHash', '=', hash)
      .executeTakeFirst();
    return device ? toPerson(device) : null;
  }

  /** How many people were issued through `boardId`'s `role` link since `since` (epoch ms). */
  async countIssuedSince(boardId: string, role: Role, since: number): Promise<number> {
    const row = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('issuedBoardId', '=', boardId)
      .where('issuedRole', '=', role)
      .where('createdAt', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks the person revoked (their credential stops working); false if unknown or already revoked. */
  async revokePerson(personId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('people')
      .set({ revokedAt: at })
      .where('id', '=', personId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return changed(result) > 0;
  }

  /** Stores a transfer code's hash; the person's earlier codes not yet redeemed stop working. */
  async addTransfer(t: NewTransfer): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('device_transfers')
        .where('personId', '=', t.personId)
        .where('redeemedAt', 'is', null)
        .execute();
      await trx.insertInto('device_transfers').values(t).execute();
    });
  }

  /**
   * Redeems a code at once or not at all: when it is known, unexpired and unused at `now`, marks it
   * used and stores `device` as another credential of its person, in one step (two devices racing
   * with one code: one wins). Otherwise says why not, and stores nothing.
   */
  async redeemTransfer(codeHash: Uint8Array, now: number, device: NewDeviceCredential): Promise<RedeemOutcome> {
    return this.db.transaction().execute(async (trx): Promise<RedeemOutcome> => {
      // The conditional update is the single-use check: of two racing redeems, one updates the row.
      const won = await trx
        .updateTable('device_transfers')
        .set({ redeemedAt: now })
        .where('codeHash', '=', codeHash)
        .where('redeemedAt', 'is', null)
        .where('expiresAt', '>', now)
        .returning('personId')
        .executeTakeFirst();
      if (!won) {
        const row = await trx
          .selectFrom('device_transfers')
          .select(['expiresAt', 'redeemedAt'])
          .where('codeHash', '=', codeHash)
          .executeTakeFirst();
        if (!row) return { kind: 'unknown' };
        if (row.redeemedAt !== null) return { kind: 'used' };
        return Number(row.expiresAt) <= now ? { kind: 'expired' } : { kind: 'unknown' };
      }
      await trx
        .insertInto('device_credentials')
        .values({ credentialHash: device.credentialHash, createdAt: device.createdAt, personId: won.personId })
        .execute();
      return { kind: 'redeemed', personId: won.personId };
    });
  }

  /** Forgets transfer codes that expired before `before` (kept a while to tell "expired" from "unknown"). */
  async pruneTransfers(before: number): Promise<void> {
    await this.db.deleteFrom('device_transfers').where('expiresAt', '<', before).execute();
  }
}

function toPerson(r: Omit<IdentityTables['people'], 'subject' | 'email' | 'name'>): StoredPerson {
  return {
    id: r.id,
    credentialHash: new Uint8Array(r.credentialHash),
    createdAt: r.createdAt,
    issuedBoardId: r.issuedBoardId,
    issuedRole: isRole(r.issuedRole) ? r.issuedRole : 'viewer',
    revokedAt: r.revokedAt ?? null,
    signedIn: r.issuer !== null && r.issuer !== undefined,
  };
}
