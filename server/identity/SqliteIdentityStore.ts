import type { DatabaseSync } from 'node:sqlite';
import { isRole, type Role } from '../../shared/protocol/roles.ts';
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
CREATE TABLE IF NOT EXISTS board_removed_people (
  board_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  removed_at INTEGER NOT NULL,
  removed_by TEXT NOT NULL,
  PRIMARY KEY (board_id, person_id)
) STRICT;
CREATE TABLE IF NOT EXISTS board_admission (
  board_id TEXT PRIMARY KEY,
  on_since INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS board_admitted_people (
  board_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  admitted_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, person_id)
) STRICT;
CREATE TABLE IF NOT EXISTS board_lobby (
  board_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  since INTEGER NOT NULL,
  denied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (board_id, person_id)
) STRICT;
CREATE TABLE IF NOT EXISTS device_credentials (
  credential_hash BLOB PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS device_transfers (
  code_hash BLOB PRIMARY KEY,
  person_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  redeemed_at INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS device_transfers_by_person ON device_transfers (person_id);
CREATE INDEX IF NOT EXISTS device_transfers_by_expiry ON device_transfers (expires_at);
`;

// Another device's credential reads as its person, revoked when either is.
export const DEVICE_PERSON_COLUMNS =
  'p.id, d.credential_hash, p.created_at, p.issued_board_id, p.issued_role, coalesce(p.revoked_at, d.revoked_at) AS revoked_at, p.issuer';

/** People in the SQLite file of SqliteBoardStore (same handle, same WAL). */
export class SqliteIdentityStore implements IdentityStore {
  private readonly db: DatabaseSync;

  /** SqliteBoardStore's, so the whole file has one way to run a transaction. */
  private readonly transaction: <T>(fn: () => T) => T;

  constructor(db: DatabaseSync, transaction: <T>(fn: () => T) => T) {
    this.db = db;
    this.transaction = transaction;
    this.db.exec(IDENTITY_SCHEMA);
  }

  async addPerson(p: NewPerson): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO people (id, credential_hash, created_at, issued_board_id, issued_role) VALUES (?, ?, ?, ?, ?)',
      )
      .run(p.id, p.credentialHash, p.createdAt, p.issuedBoardId, p.issuedRole);
  }

  async addCredential(personId: string, hash: Uint8Array, at: number): Promise<void> {
    this.db
      .prepare('INSERT INTO device_credentials (credential_hash, person_id, created_at) VALUES (?, ?, ?)')
      .run(hash, personId, at);
  }

  async personByCredential(hash: Uint8Array): Promise<StoredPerson | null> {
    const row =
      this.db.prepare('SELECT * FROM people WHERE credential_hash = ?').get(hash) ??
      this.db
        .prepare(
          `SELECT ${DEVICE_PERSON_COLUMNS} FROM device_credentials d JOIN people p ON p.id = d.person_id WHERE d.credential_hash = ?`,
        )
        .get(hash);
    return row ? toPerson(row) : null;
  }

  async countIssuedSince(boardId: string, role: Role, since: number): Promise<number> {
    const row = this.db
      .prepare('SELECT count(*) AS n FROM people WHERE issued_board_id = ? AND issued_role = ? AND created_at >= ?')
      .get(boardId, role, since);
    return Number(row?.n ?? 0);
  }

  async revokePerson(personId: string, at: number): Promise<boolean> {
    return (
      Number(
        this.db.prepare('UPDATE people SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, personId)
          .changes,
      ) > 0
    );
  }

  async removeFromBoard(boardId: string, personId: string, at: number, byPersonId: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO board_removed_people (board_id, person_id, removed_at, removed_by) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(boardId, personId, at, byPersonId);
  }

  async isRemovedFromBoard(boardId: string, personId: string): Promise<boolean> {
    return (
      this.db
        .prepare('SELECT 1 AS x FROM board_removed_people WHERE board_id = ? AND person_id = ?')
        .get(boardId, personId) !== undefined
    );
  }

  async setAdmission(boardId: string, on: boolean, at: number): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO board_admission (board_id, on_since) VALUES (?, ?) ON CONFLICT (board_id) DO UPDATE SET on_since = excluded.on_since',
      )
      .run(boardId, on ? at : null);
  }

  async admissionOn(boardId: string): Promise<boolean> {
    const row = this.db.prepare('SELECT on_since FROM board_admission WHERE board_id = ?').get(boardId);
    return row !== undefined && row.on_since !== null;
  }

  async admit(boardId: string, personIds: readonly string[], at: number): Promise<void> {
    const insert = this.db.prepare(
      'INSERT INTO board_admitted_people (board_id, person_id, admitted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const leave = this.db.prepare('DELETE FROM board_lobby WHERE board_id = ? AND person_id = ?');
    for (const id of personIds) {
      insert.run(boardId, id, at);
      leave.run(boardId, id);
    }
  }

  async isAdmitted(boardId: string, personId: string): Promise<boolean> {
    return (
      this.db
        .prepare('SELECT 1 AS x FROM board_admitted_people WHERE board_id = ? AND person_id = ?')
        .get(boardId, personId) !== undefined
    );
  }

  async knock(boardId: string, personId: string, name: string, at: number): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO board_lobby (board_id, person_id, name, since) VALUES (?, ?, ?, ?) ON CONFLICT (board_id, person_id) DO UPDATE SET name = excluded.name',
      )
      .run(boardId, personId, name, at);
  }

  async lobby(boardId: string): Promise<readonly LobbyEntry[]> {
    return this.db
      .prepare(
        'SELECT person_id, name, since FROM board_lobby WHERE board_id = ? AND denied = 0 ORDER BY since, person_id',
      )
      .all(boardId)
      .map((r) => ({ personId: String(r.person_id), name: String(r.name), since: Number(r.since) }));
  }

  async leaveLobby(boardId: string, personId: string): Promise<boolean> {
    return (
      Number(
        this.db
          .prepare('UPDATE board_lobby SET denied = 1 WHERE board_id = ? AND person_id = ? AND denied = 0')
          .run(boardId, personId).changes,
      ) > 0
    );
  }

  async addTransfer(t: NewTransfer): Promise<void> {
    this.transaction(() => {
      this.db.prepare('DELETE FROM device_transfers WHERE person_id = ? AND redeemed_at IS NULL').run(t.personId);
      this.db
        .prepare('INSERT INTO device_transfers (code_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(t.codeHash, t.personId, t.createdAt, t.expiresAt);
    });
  }

  async redeemTransfer(codeHash: Uint8Array, now: number, device: NewDeviceCredential): Promise<RedeemOutcome> {
    return this.transaction(() => {
      const won = this.db
        .prepare(
          'UPDATE device_transfers SET redeemed_at = ? WHERE code_hash = ? AND redeemed_at IS NULL AND expires_at > ? RETURNING person_id',
        )
        .get(now, codeHash, now);
      if (!won)
        return refusalOf(
          this.db.prepare('SELECT expires_at, redeemed_at FROM device_transfers WHERE code_hash = ?').get(codeHash),
          now,
        );
      const personId = String(won.person_id);
      this.db
        .prepare('INSERT INTO device_credentials (credential_hash, person_id, created_at) VALUES (?, ?, ?)')
        .run(device.credentialHash, personId, device.createdAt);
      return { kind: 'redeemed', personId } as const;
    });
  }

  async pruneTransfers(before: number): Promise<void> {
    this.db.prepare('DELETE FROM device_transfers WHERE expires_at < ?').run(before);
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
    signedIn: r.issuer !== null && r.issuer !== undefined,
  };
}
