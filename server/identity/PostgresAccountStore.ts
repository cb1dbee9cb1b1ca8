import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../shared/protocol/roles.ts';
import type { AccountStore, Membership, SignedInPerson, SignedInProfile, StoredSession } from './AccountStore.ts';
import { roleOrNull, toMembership, toSession } from './accountRows.ts';

// After the `people` and `boards` tables; the ALTERs upgrade a database made before sign-in.
const ACCOUNT_SCHEMA_SQL = `
ALTER TABLE people ADD COLUMN IF NOT EXISTS issuer TEXT;
ALTER TABLE people ADD COLUMN IF NOT EXISTS subject TEXT;
ALTER TABLE people ADD COLUMN IF NOT EXISTS email TEXT;
ALTER TABLE people ADD COLUMN IF NOT EXISTS name TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS people_by_subject ON people (issuer, subject);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash BYTEA PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS board_members (
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  last_seen BIGINT NOT NULL,
  PRIMARY KEY (person_id, board_id)
);
CREATE TABLE IF NOT EXISTS board_sign_in_rules (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  members_domain TEXT NOT NULL
);
`;

/** Signed-in people, sessions and board memberships in PostgresBoardStore's database. */
export class PostgresAccountStore implements AccountStore {
  private readonly pool: pg.Pool;

  /** PostgresBoardStore.open calls it under its schema lock, after the people and boards tables. */
  static async createTables(pool: pg.Pool | pg.PoolClient): Promise<void> {
    await pool.query(ACCOUNT_SCHEMA_SQL);
  }

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async upsertSignedIn(p: SignedInPerson): Promise<string> {
    // A signed-in person proves themselves by session; the row's own credential is random and never shown.
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO people (id, credential_hash, created_at, issued_board_id, issued_role, issuer, subject, email, name)
       VALUES ($1, $2, $3, '', 'viewer', $4, $5, $6, $7)
       ON CONFLICT (issuer, subject) DO UPDATE SET email = excluded.email, name = excluded.name
       RETURNING id`,
      [p.id, randomBytes(32), p.at, p.issuer, p.subject, p.email, p.name],
    );
    return rows[0]!.id;
  }

  async profileOf(personId: string): Promise<SignedInProfile | null> {
    const { rows } = await this.pool.query<SignedInProfile>(
      'SELECT issuer, email, name FROM people WHERE id = $1 AND issuer IS NOT NULL',
      [personId],
    );
    return rows[0] ?? null;
  }

  async addSession(s: StoredSession): Promise<void> {
    await this.pool.query('INSERT INTO sessions (id_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      Buffer.from(s.idHash),
      s.personId,
      s.createdAt,
      s.expiresAt,
    ]);
  }

  async sessionByHash(idHash: Uint8Array): Promise<StoredSession | null> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      'SELECT s.* FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id_hash = $1 AND p.revoked_at IS NULL',
      [Buffer.from(idHash)],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  async deleteSession(idHash: Uint8Array): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [Buffer.from(idHash)]);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE expires_at < $1', [now])).rowCount ?? 0;
  }

  async recordMembership(personId: string, boardId: string, role: Role, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_members (person_id, board_id, role, last_seen)
       SELECT id, $1, $2, $3 FROM people WHERE id = $4 AND issuer IS NOT NULL
       ON CONFLICT (person_id, board_id) DO UPDATE SET role = excluded.role, last_seen = excluded.last_seen`,
      [boardId, role, at, personId],
    );
  }

  async membershipsOf(personId: string): Promise<readonly Membership[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      'SELECT m.board_id, b.title, m.role, m.last_seen FROM board_members m JOIN boards b ON b.id = m.board_id WHERE m.person_id = $1 ORDER BY m.last_seen DESC LIMIT 200',
      [personId],
    );
    return rows.map(toMembership);
  }

  async membershipOf(personId: string, boardId: string): Promise<Role | null> {
    const { rows } = await this.pool.query<{ role: string }>(
      'SELECT role FROM board_members WHERE person_id = $1 AND board_id = $2',
      [personId, boardId],
    );
    return rows[0] ? roleOrNull(rows[0].role) : null;
  }

  async membersDomain(boardId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ members_domain: string }>(
      'SELECT members_domain FROM board_sign_in_rules WHERE board_id = $1',
      [boardId],
    );
    return rows[0]?.members_domain ?? null;
  }

  async setMembersDomain(boardId: string, domain: string | null): Promise<void> {
    if (domain === null) await this.pool.query('DELETE FROM board_sign_in_rules WHERE board_id = $1', [boardId]);
    else
      await this.pool.query(
        'INSERT INTO board_sign_in_rules (board_id, members_domain) VALUES ($1, $2) ON CONFLICT (board_id) DO UPDATE SET members_domain = excluded.members_domain',
        [boardId, domain],
      );
  }
}
