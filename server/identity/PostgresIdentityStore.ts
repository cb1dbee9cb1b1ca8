import type pg from 'pg';
import type { Role } from '../../shared/protocol/roles.ts';
import {
  refusalOf,
  type IdentityStore,
  type LobbyEntry,
  type NewDeviceCredential,
  type NewPerson,
  type NewTransfer,
  type RedeemOutcome,
  type StoredPerson,
} from './IdentityStore.ts';
import { DEVICE_PERSON_COLUMNS, toPerson } from './SqliteIdentityStore.ts';

const IDENTITY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  credential_hash BYTEA NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  issued_board_id TEXT NOT NULL,
  issued_role TEXT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS people_by_issuing_link ON people (issued_board_id, issued_role, created_at);
CREATE TABLE IF NOT EXISTS board_removed_people (
  board_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  removed_at BIGINT NOT NULL,
  removed_by TEXT NOT NULL,
  PRIMARY KEY (board_id, person_id)
);
CREATE TABLE IF NOT EXISTS board_admission (
  board_id TEXT PRIMARY KEY,
  on_since BIGINT
);
CREATE TABLE IF NOT EXISTS board_admitted_people (
  board_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  admitted_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, person_id)
);
CREATE TABLE IF NOT EXISTS board_lobby (
  board_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  since BIGINT NOT NULL,
  denied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (board_id, person_id)
);
CREATE TABLE IF NOT EXISTS device_credentials (
  credential_hash BYTEA PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id),
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE TABLE IF NOT EXISTS device_transfers (
  code_hash BYTEA PRIMARY KEY,
  person_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  redeemed_at BIGINT
);
CREATE INDEX IF NOT EXISTS device_transfers_by_person ON device_transfers (person_id);
CREATE INDEX IF NOT EXISTS device_transfers_by_expiry ON device_transfers (expires_at);
`;

/** People in PostgresBoardStore's database (same pool, same schema). */
export class PostgresIdentityStore implements IdentityStore {
  private readonly pool: pg.Pool;

  /** Creates the table if missing; PostgresBoardStore.open calls it with its pool. */
  static async createTables(pool: pg.Pool | pg.PoolClient): Promise<void> {
    await pool.query(IDENTITY_SCHEMA_SQL);
  }

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async addPerson(p: NewPerson): Promise<void> {
    await this.pool.query(
      'INSERT INTO people (id, credential_hash, created_at, issued_board_id, issued_role) VALUES ($1, $2, $3, $4, $5)',
      [p.id, Buffer.from(p.credentialHash), p.createdAt, p.issuedBoardId, p.issuedRole],
    );
  }

  async addCredential(personId: string, hash: Uint8Array, at: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO device_credentials (credential_hash, person_id, created_at) VALUES ($1, $2, $3)',
      [Buffer.from(hash), personId, at],
    );
  }

  async personByCredential(hash: Uint8Array): Promise<StoredPerson | null> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `SELECT id, credential_hash, created_at, issued_board_id, issued_role, revoked_at, issuer FROM people WHERE credential_hash = $1
       UNION ALL SELECT ${DEVICE_PERSON_COLUMNS} FROM device_credentials d JOIN people p ON p.id = d.person_id WHERE d.credential_hash = $1`,
      [Buffer.from(hash)],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async countIssuedSince(boardId: string, role: Role, since: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM people WHERE issued_board_id = $1 AND issued_role = $2 AND created_at >= $3',
      [boardId, role, since],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async revokePerson(personId: string, at: number): Promise<boolean> {
    return (
      ((await this.pool.query('UPDATE people SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, personId]))
        .rowCount ?? 0) > 0
    );
  }

  async removeFromBoard(boardId: string, personId: string, at: number, byPersonId: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO board_removed_people (board_id, person_id, removed_at, removed_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [boardId, personId, at, byPersonId],
    );
  }

  async isRemovedFromBoard(boardId: string, personId: string): Promise<boolean> {
    return (
      (
        await this.pool.query('SELECT 1 FROM board_removed_people WHERE board_id = $1 AND person_id = $2', [
          boardId,
          personId,
        ])
      ).rows.length > 0
    );
  }

  async setAdmission(boardId: string, on: boolean, at: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO board_admission (board_id, on_since) VALUES ($1, $2) ON CONFLICT (board_id) DO UPDATE SET on_since = excluded.on_since',
      [boardId, on ? at : null],
    );
  }

  async admissionOn(boardId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ on_since: string | null }>(
      'SELECT on_since FROM board_admission WHERE board_id = $1',
      [boardId],
    );
    return rows[0] !== undefined && rows[0].on_since !== null;
  }

  async admit(boardId: string, personIds: readonly string[], at: number): Promise<void> {
    if (personIds.length === 0) return;
    await this.pool.query(
      'INSERT INTO board_admitted_people (board_id, person_id, admitted_at) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING',
      [boardId, [...personIds], at],
    );
    await this.pool.query('DELETE FROM board_lobby WHERE board_id = $1 AND person_id = ANY($2::text[])', [
      boardId,
      [...personIds],
    ]);
  }

  async isAdmitted(boardId: string, personId: string): Promise<boolean> {
    return (
      (
        await this.pool.query('SELECT 1 FROM board_admitted_people WHERE board_id = $1 AND person_id = $2', [
          boardId,
          personId,
        ])
      ).rows.length > 0
    );
  }

  async knock(boardId: string, personId: string, name: string, at: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO board_lobby (board_id, person_id, name, since) VALUES ($1, $2, $3, $4) ON CONFLICT (board_id, person_id) DO UPDATE SET name = excluded.name',
      [boardId, personId, name, at],
    );
  }

  async lobby(boardId: string): Promise<readonly LobbyEntry[]> {
    const { rows } = await this.pool.query<{ person_id: string; name: string; since: string }>(
      'SELECT person_id, name, since FROM board_lobby WHERE board_id = $1 AND denied = 0 ORDER BY since, person_id',
      [boardId],
    );
    return rows.map((r) => ({ personId: r.person_id, name: r.name, since: Number(r.since) }));
  }

  async leaveLobby(boardId: string, personId: string): Promise<boolean> {
    return (
      ((
        await this.pool.query(
          'UPDATE board_lobby SET denied = 1 WHERE board_id = $1 AND person_id = $2 AND denied = 0',
          [boardId, personId],
        )
      ).rowCount ?? 0) > 0
    );
  }

  async addTransfer(t: NewTransfer): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM device_transfers WHERE person_id = $1 AND redeemed_at IS NULL', [t.personId]);
      await client.query(
        'INSERT INTO device_transfers (code_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [Buffer.from(t.codeHash), t.personId, t.createdAt, t.expiresAt],
      );
    });
  }

  async redeemTransfer(codeHash: Uint8Array, now: number, device: NewDeviceCredential): Promise<RedeemOutcome> {
    const code = Buffer.from(codeHash);
    return this.transaction(async (client): Promise<RedeemOutcome> => {
      // The conditional update is the single-use check: of two racing redeems, one updates the row.
      const won = await client.query<{ person_id: string }>(
        'UPDATE device_transfers SET redeemed_at = $1 WHERE code_hash = $2 AND redeemed_at IS NULL AND expires_at > $1 RETURNING person_id',
        [now, code],
      );
      const personId = won.rows[0]?.person_id;
      if (personId === undefined) {
        const { rows } = await client.query<{ expires_at: string; redeemed_at: string | null }>(
          'SELECT expires_at, redeemed_at FROM device_transfers WHERE code_hash = $1',
          [code],
        );
        return refusalOf(rows[0], now);
      }
      await client.query(
        'INSERT INTO device_credentials (credential_hash, person_id, created_at) VALUES ($1, $2, $3)',
        [Buffer.from(device.credentialHash), personId, device.createdAt],
      );
      return { kind: 'redeemed', personId };
    });
  }

  async pruneTransfers(before: number): Promise<void> {
    await this.pool.query('DELETE FROM device_transfers WHERE expires_at < $1', [before]);
  }

  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
