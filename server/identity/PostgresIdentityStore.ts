import type pg from 'pg';
import type { Role } from '../../shared/protocol/roles.ts';
import type { IdentityStore, NewPerson, StoredPerson } from './IdentityStore.ts';
import { toPerson } from './SqliteIdentityStore.ts';

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
CREATE TABLE IF NOT EXISTS person_credentials (
  credential_hash BYTEA PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);
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
    await this.pool.query('INSERT INTO people (id, credential_hash, created_at, issued_board_id, issued_role) VALUES ($1, $2, $3, $4, $5)', [
      p.id,
      Buffer.from(p.credentialHash),
      p.createdAt,
      p.issuedBoardId,
      p.issuedRole,
    ]);
  }

  async addCredential(personId: string, hash: Uint8Array, at: number): Promise<void> {
    await this.pool.query('INSERT INTO person_credentials (credential_hash, person_id, created_at) VALUES ($1, $2, $3)', [Buffer.from(hash), personId, at]);
  }

  async personByCredential(hash: Uint8Array): Promise<StoredPerson | null> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      'SELECT * FROM people WHERE credential_hash = $1 UNION ALL SELECT p.* FROM person_credentials c JOIN people p ON p.id = c.person_id WHERE c.credential_hash = $1 LIMIT 1',
      [Buffer.from(hash)],
    );
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async countIssuedSince(boardId: string, role: Role, since: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM people WHERE issued_board_id = $1 AND issued_role = $2 AND created_at >= $3', [boardId, role, since]);
    return Number(rows[0]?.n ?? 0);
  }

  async revokePerson(personId: string, at: number): Promise<boolean> {
    return ((await this.pool.query('UPDATE people SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, personId])).rowCount ?? 0) > 0;
  }
}
