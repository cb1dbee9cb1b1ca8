import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Role } from '../../shared/protocol/roles.ts';
import type { AccountStore, Membership, SignedInPerson, SignedInProfile, StoredSession } from './AccountStore.ts';
import { roleOrNull, toMembership, toSession } from './accountRows.ts';

// `people` gains these on an existing database too (SQLite has no ADD COLUMN IF NOT EXISTS).
const PERSON_COLUMNS = ['issuer', 'subject', 'email', 'name'] as const;

const ACCOUNT_SCHEMA = `
CREATE UNIQUE INDEX IF NOT EXISTS people_by_subject ON people (issuer, subject);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash BLOB PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS board_members (
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (person_id, board_id)
) STRICT;
CREATE TABLE IF NOT EXISTS board_sign_in_rules (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  members_domain TEXT NOT NULL
) STRICT;
`;

/** Signed-in people, sessions and board memberships in SqliteBoardStore's file (after `people` and `boards`). */
export class SqliteAccountStore implements AccountStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    const existing = new Set(
      this.db
        .prepare('PRAGMA table_info(people)')
        .all()
        .map((c) => String(c.name)),
    );
    for (const column of PERSON_COLUMNS)
      if (!existing.has(column)) this.db.exec(`ALTER TABLE people ADD COLUMN ${column} TEXT`);
    this.db.exec(ACCOUNT_SCHEMA);
  }

  async upsertSignedIn(p: SignedInPerson): Promise<string> {
    // A signed-in person proves themselves by session; the row's own credential is random and never shown.
    this.db
      .prepare(
        `INSERT INTO people (id, credential_hash, created_at, issued_board_id, issued_role, issuer, subject, email, name)
         VALUES (?, ?, ?, '', 'viewer', ?, ?, ?, ?)
         ON CONFLICT (issuer, subject) DO UPDATE SET email = excluded.email, name = excluded.name`,
      )
      .run(p.id, randomBytes(32), p.at, p.issuer, p.subject, p.email, p.name);
    const row = this.db.prepare('SELECT id FROM people WHERE issuer = ? AND subject = ?').get(p.issuer, p.subject);
    return String(row!.id);
  }

  async profileOf(personId: string): Promise<SignedInProfile | null> {
    const row = this.db
      .prepare('SELECT issuer, email, name FROM people WHERE id = ? AND issuer IS NOT NULL')
      .get(personId);
    return row
      ? {
          issuer: String(row.issuer),
          email: (row.email as string | null) ?? null,
          name: (row.name as string | null) ?? null,
        }
      : null;
  }

  async addSession(s: StoredSession): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (id_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(s.idHash, s.personId, s.createdAt, s.expiresAt);
  }

  async sessionByHash(idHash: Uint8Array): Promise<StoredSession | null> {
    const row = this.db
      .prepare(
        'SELECT s.* FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id_hash = ? AND p.revoked_at IS NULL',
      )
      .get(idHash);
    return row ? toSession(row) : null;
  }

  async deleteSession(idHash: Uint8Array): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return Number(this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now).changes);
  }

  async recordMembership(personId: string, boardId: string, role: Role, at: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO board_members (person_id, board_id, role, last_seen)
         SELECT id, ?, ?, ? FROM people WHERE id = ? AND issuer IS NOT NULL
         ON CONFLICT (person_id, board_id) DO UPDATE SET role = excluded.role, last_seen = excluded.last_seen`,
      )
      .run(boardId, role, at, personId);
  }

  async membershipsOf(personId: string): Promise<readonly Membership[]> {
    return this.db
      .prepare(
        'SELECT m.board_id, b.title, m.role, m.last_seen FROM board_members m JOIN boards b ON b.id = m.board_id WHERE m.person_id = ? ORDER BY m.last_seen DESC LIMIT 200',
      )
      .all(personId)
      .map(toMembership);
  }

  async membershipOf(personId: string, boardId: string): Promise<Role | null> {
    const row = this.db
      .prepare('SELECT role FROM board_members WHERE person_id = ? AND board_id = ?')
      .get(personId, boardId);
    return row ? roleOrNull(row.role) : null;
  }

  async membersDomain(boardId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT members_domain FROM board_sign_in_rules WHERE board_id = ?').get(boardId);
    return row ? String(row.members_domain) : null;
  }

  async setMembersDomain(boardId: string, domain: string | null): Promise<void> {
    if (domain === null) this.db.prepare('DELETE FROM board_sign_in_rules WHERE board_id = ?').run(boardId);
    else
      this.db
        .prepare(
          'INSERT INTO board_sign_in_rules (board_id, members_domain) VALUES (?, ?) ON CONFLICT (board_id) DO UPDATE SET members_domain = excluded.members_domain',
        )
        .run(boardId, domain);
  }
}
