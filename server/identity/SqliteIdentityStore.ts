import type { DatabaseSync } from 'node:sqlite';
import { isRole, type Role } from '../../shared/protocol/roles.ts';
import type { IdentityStore, NewPerson, StoredPerson } from './IdentityStore.ts';

const IDENTITY_SCHEMA = `
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  credential_hash BLOB NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  issued_board_id TEXT NOT NULL,
  issued_role TEXT NOT NULL,
  revoked_at INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS people_by_issuing_link ON people (issued_board_id, issued_role, created_at);
CREATE TABLE IF NOT EXISTS person_credentials (
  credential_hash BLOB PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
) STRICT;
`;

/** People in the SQLite file of SqliteBoardStore (same handle, same WAL). */
export class SqliteIdentityStore implements IdentityStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.db.exec(IDENTITY_SCHEMA);
  }

  async addPerson(p: NewPerson): Promise<void> {
    this.db
      .prepare('INSERT INTO people (id, credential_hash, created_at, issued_board_id, issued_role) VALUES (?, ?, ?, ?, ?)')
      .run(p.id, p.credentialHash, p.createdAt, p.issuedBoardId, p.issuedRole);
  }

  async addCredential(personId: string, hash: Uint8Array, at: number): Promise<void> {
    this.db.prepare('INSERT INTO person_credentials (credential_hash, person_id, created_at) VALUES (?, ?, ?)').run(hash, personId, at);
  }

  async personByCredential(hash: Uint8Array): Promise<StoredPerson | null> {
    const row =
      this.db.prepare('SELECT * FROM people WHERE credential_hash = ?').get(hash) ??
      this.db.prepare('SELECT p.* FROM person_credentials c JOIN people p ON p.id = c.person_id WHERE c.credential_hash = ?').get(hash);
    return row ? toPerson(row) : null;
  }

  async countIssuedSince(boardId: string, role: Role, since: number): Promise<number> {
    const row = this.db.prepare('SELECT count(*) AS n FROM people WHERE issued_board_id = ? AND issued_role = ? AND created_at >= ?').get(boardId, role, since);
    return Number(row?.n ?? 0);
  }

  async revokePerson(personId: string, at: number): Promise<boolean> {
    return Number(this.db.prepare('UPDATE people SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, personId).changes) > 0;
  }
}

export function toPerson(r: Record<string, unknown>): StoredPerson {
  const role = String(r.issued_role);
  return {
    id: String(r.id),
    credentialHash: new Uint8Array(r.credential_hash as Uint8Array),
    createdAt: Number(r.created_at),
    issuedBoardId: String(r.issued_board_id),
    issuedRole: (isRole(role) ? role : 'viewer') as Role,
    revokedAt: r.revoked_at === null || r.revoked_at === undefined ? null : Number(r.revoked_at),
  };
}
