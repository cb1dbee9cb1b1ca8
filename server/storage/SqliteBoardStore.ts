import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import {
  CorruptBoardError,
  type BoardDump,
  type BoardInfo,
  type BoardStore,
  type CheckpointInfo,
  type Compaction,
  type NewBoard,
  type ShareLinkRow,
  type StoredBoard,
  type StoredCheckpoint,
} from './BoardStore.ts';
import type { RevisedCompaction, RevisedDocumentCompaction } from './SnapshotRevisions.ts';
import { checkpointKindOf } from './CheckpointStore.ts';
import { SqliteTemplateStore } from './SqliteTemplateStore.ts';
import { SqliteIdentityStore } from '../identity/SqliteIdentityStore.ts';
import { SqliteAccountStore } from '../identity/SqliteAccountStore.ts';
import type { TemplateStore } from './TemplateStore.ts';
import {
  SQLITE_WORKSHOP_SCHEMA,
  sqliteLoadWorkshopState,
  sqliteReplaceWorkshopState,
  sqliteSaveWorkshopState,
} from './WorkshopStateStore.ts';
import { exportSqliteVoting, importSqliteVoting, SqliteVotingStore } from '../voting/SqliteVotingStore.ts';
import { SqlitePrivateWritingStore } from '../privateWriting/SqlitePrivateWritingStore.ts';
import type { BoardDocumentCompaction, BoardDocumentKind, StoredBoardDocument } from './BoardDocumentStore.ts';
import { SqliteBoardDocuments } from './sqliteBoardDocuments.ts';
import type { ActivityStore } from './ActivityStore.ts';
import { SqliteActivity } from './sqliteActivity.ts';

/** The embedded default: one SQLite file under DATA_DIR, WAL mode, Node's built-in driver. */
export const SQLITE_FILE_NAME = 'journeyboard.sqlite';

export function sqlitePath(dataDir: string): string {
  return path.join(dataDir, SQLITE_FILE_NAME);
}

// STRICT tables reject a wrongly typed value at write time instead of storing it.
// `seq` is global and monotonic (AUTOINCREMENT never reuses a value), so "rows up to seq N"
// is a stable boundary for compaction.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  snapshot BLOB NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS board_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  update_data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS board_updates_by_board ON board_updates (board_id, seq);
CREATE TABLE IF NOT EXISTS share_links (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'commenter', 'viewer')),
  generation INTEGER NOT NULL,
  token_hash BLOB NOT NULL,
  sealed BLOB NOT NULL,
  PRIMARY KEY (board_id, role)
) STRICT;
`;

// Version history (CheckpointStore.ts); its own statement so the two schemas merge cleanly.
const CHECKPOINT_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_checkpoints (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  created_by_id TEXT,
  created_by_name TEXT,
  created_at INTEGER NOT NULL,
  note_count INTEGER NOT NULL,
  state BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS board_checkpoints_by_board ON board_checkpoints (board_id, created_at);
`;

// Snapshot revisions (SnapshotRevisions.ts: compaction with several server instances).
const SNAPSHOT_REVISION_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_snapshot_revisions (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'board',
  revision INTEGER NOT NULL,
  PRIMARY KEY (board_id, kind)
) STRICT;
`;

const CHECKPOINT_INFO_COLUMNS = 'id, board_id, kind, label, created_by_id, created_by_name, created_at, note_count';

export class SqliteBoardStore implements BoardStore {
  private readonly db: DatabaseSync;
  private readonly insertUpdate: StatementSync;
  private readonly selectInfo: StatementSync;
  readonly templates: TemplateStore;
  readonly identities: SqliteIdentityStore;
  readonly accounts: SqliteAccountStore;
  /** Voting rounds and ballots (issue 4), on the same database handle. */
  readonly voting: SqliteVotingStore;
  /** Private-writing phases and drafts (issue 4), on the same database handle. */
  readonly privateWriting: SqlitePrivateWritingStore;
  private readonly documents: SqliteBoardDocuments;
  private readonly activity: SqliteActivity;

  /** Opens (creating if needed) the database in `dataDir`. */
  static open(dataDir: string): SqliteBoardStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new SqliteBoardStore(sqlitePath(dataDir));
  }

  constructor(file: string) {
    this.db = new DatabaseSync(file);
    // WAL: readers never block the writer. synchronous=NORMAL: a commit is durable once it
    // returns as far as a process crash (kill -9) goes; only an OS crash or power cut can lose
    // the last commits, and clients keep a local copy that they resend on reconnect.
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
    );
    this.db.exec(SCHEMA);
    this.db.exec(CHECKPOINT_SCHEMA);
    this.templates = new SqliteTemplateStore(this.db);
    this.identities = new SqliteIdentityStore(this.db, (fn) => this.transaction(fn));
    this.accounts = new SqliteAccountStore(this.db);
    this.db.exec(SQLITE_WORKSHOP_SCHEMA);
    this.voting = new SqliteVotingStore(this.db);
    this.privateWriting = new SqlitePrivateWritingStore(this.db);
    this.documents = new SqliteBoardDocuments(this.db, (fn) => this.transaction(fn));
    this.activity = new SqliteActivity(this.db, (fn) => this.transaction(fn));
    this.db.exec(SNAPSHOT_REVISION_SCHEMA);
    this.insertUpdate = this.db.prepare('INSERT INTO board_updates (board_id, at, update_data) VALUES (?, ?, ?)');
    this.selectInfo = this.db.prepare(
      `SELECT id, title, created_at, max(updated_at, coalesce((SELECT max(at) FROM board_updates WHERE board_id = boards.id), 0)) AS updated_at
       FROM boards WHERE id = ?`,
    );
  }

  async createBoard(board: NewBoard): Promise<void> {
    this.db
      .prepare('INSERT INTO boards (id, title, created_at, updated_at, snapshot) VALUES (?, ?, ?, ?, ?)')
      .run(board.id, board.title, board.createdAt, board.createdAt, board.snapshot);
  }

  async getBoardInfo(boardId: string): Promise<BoardInfo | null> {
    const row = this.selectInfo.get(boardId);
    return row ? toInfo(boardId, row) : null;
  }

  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    // One read transaction, so the snapshot and the log are from the same moment.
    return this.transaction(() => {
      const info = this.selectInfo.get(boardId);
      if (!info) return null;
      const row = this.db.prepare('SELECT snapshot FROM boards WHERE id = ?').get(boardId);
      const rows = this.db
        .prepare('SELECT seq, update_data FROM board_updates WHERE board_id = ? ORDER BY seq')
        .all(boardId);
      return {
        ...toInfo(boardId, info),
        snapshot: blob(boardId, row?.snapshot, 'snapshot'),
        updates: rows.map((r) => ({
          seq: int(boardId, r.seq, 'seq'),
          update: blob(boardId, r.update_data, `update ${String(r.seq)}`),
        })),
      };
    });
  }

  // Not `async`: the row is committed before this returns (DatabaseSync), which keeps an append
  // made from a Y.Doc event durable even if nobody awaits it.
  appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number> {
    try {
      return Promise.resolve(Number(this.insertUpdate.run(boardId, at, update).lastInsertRowid));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async compact(boardId: string, c: Compaction): Promise<void> {
    this.transaction(() => {
      const changed = this.db
        .prepare('UPDATE boards SET snapshot = ?, title = ?, updated_at = max(updated_at, ?) WHERE id = ?')
        .run(c.snapshot, c.title, c.at, boardId).changes;
      if (Number(changed) !== 1) throw new Error(`Cannot compact board ${boardId}: it is not stored`);
      this.db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?').run(boardId, c.upToSeq);
      this.bumpRevision(boardId);
    });
  }

  async addCheckpoint(c: StoredCheckpoint): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO board_checkpoints (id, board_id, kind, label, created_by_id, created_by_name, created_at, note_count, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.id,
        c.boardId,
        c.kind,
        c.label,
        c.createdBy?.id ?? null,
        c.createdBy?.name ?? null,
        c.createdAt,
        c.noteCount,
        c.state,
      );
  }

  async listCheckpoints(boardId: string): Promise<CheckpointInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT ${CHECKPOINT_INFO_COLUMNS} FROM board_checkpoints WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
      )
      .all(boardId);
    return rows.map(toCheckpointInfo);
  }

  async getCheckpoint(boardId: string, checkpointId: string): Promise<StoredCheckpoint | null> {
    const row = this.db
      .prepare(`SELECT ${CHECKPOINT_INFO_COLUMNS}, state FROM board_checkpoints WHERE board_id = ? AND id = ?`)
      .get(boardId, checkpointId);
    return row ? { ...toCheckpointInfo(row), state: blob(boardId, row.state, `checkpoint ${checkpointId}`) } : null;
  }

  async deleteCheckpoints(boardId: string, checkpointIds: readonly string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM board_checkpoints WHERE board_id = ? AND id = ?');
    this.transaction(() => checkpointIds.forEach((id) => del.run(boardId, id)));
  }

  async exportBoard(boardId: string): Promise<BoardDump | null> {
    return this.transaction(() => {
      const info = this.selectInfo.get(boardId);
      if (!info) return null;
      const snapshot = this.db.prepare('SELECT snapshot FROM boards WHERE id = ?').get(boardId)?.snapshot;
      const updates = this.db
        .prepare('SELECT at, update_data FROM board_updates WHERE board_id = ? ORDER BY seq')
        .all(boardId);
      const checkpoints = this.db
        .prepare(
          `SELECT ${CHECKPOINT_INFO_COLUMNS}, state FROM board_checkpoints WHERE board_id = ? ORDER BY created_at, rowid`,
        )
        .all(boardId);
      return {
        board: { ...toInfo(boardId, info), snapshot: rawBytes(snapshot) },
        updates: updates.map((u) => ({ at: Number(u.at), update: rawBytes(u.update_data) })),
        checkpoints: checkpoints.map((c) => ({ ...toCheckpointInfo(c), state: rawBytes(c.state) })),
        voting: exportSqliteVoting(this.db, boardId),
        documents: this.documents.dump(boardId),
      };
    });
  }

  async importBoard(dump: BoardDump): Promise<void> {
    const { board } = dump;
    this.transaction(() => {
      this.db.prepare('DELETE FROM boards WHERE id = ?').run(board.id); // cascades to log and checkpoints
      this.db
        .prepare('INSERT INTO boards (id, title, created_at, updated_at, snapshot) VALUES (?, ?, ?, ?, ?)')
        .run(board.id, board.title, board.createdAt, board.updatedAt, board.snapshot);
      for (const u of dump.updates) this.insertUpdate.run(board.id, u.at, u.update);
      if (dump.voting) importSqliteVoting(this.db, board.id, dump.voting);
      this.documents.restore(board.id, dump.documents ?? []);
    });
    for (const c of dump.checkpoints) await this.addCheckpoint(c);
  }

  /** A consistent copy of the whole database into `file` while the server runs (`VACUUM INTO`). */
  backupTo(file: string): void {
    this.db.prepare('VACUUM INTO ?').run(file);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  // ---- workshop state (issue 4; SQL in WorkshopStateStore.ts) ----

  async loadWorkshopState(boardId: string): Promise<unknown> {
    return sqliteLoadWorkshopState(this.db, boardId);
  }

  async saveWorkshopState(boardId: string, state: unknown, at: number): Promise<void> {
    sqliteSaveWorkshopState(this.db, boardId, state, at);
  }

  async replaceWorkshopState(boardId: string, expected: unknown, state: unknown, at: number): Promise<boolean> {
    return sqliteReplaceWorkshopState(this.db, boardId, expected, state, at);
  }

  // ---- the board's other documents (comments): sqliteBoardDocuments.ts ----

  loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null> {
    return this.documents.loadBoardDocument(boardId, kind);
  }

  appendBoardDocumentUpdate(boardId: string, kind: BoardDocumentKind, update: Uint8Array, at: number): Promise<number> {
    return this.documents.appendBoardDocumentUpdate(boardId, kind, update, at);
  }

  compactBoardDocument(boardId: string, kind: BoardDocumentKind, compaction: BoardDocumentCompaction): Promise<void> {
    return this.documents.compactBoardDocument(boardId, kind, compaction);
  }

  // ---- visits, thread reads and note activity (issue 5): sqliteActivity.ts ----
  recordVisit: ActivityStore['recordVisit'] = (...a) => this.activity.recordVisit(...a);
  touchVisit: ActivityStore['touchVisit'] = (...a) => this.activity.touchVisit(...a);
  loadThreadReads: ActivityStore['loadThreadReads'] = (...a) => this.activity.loadThreadReads(...a);
  markThreadRead: ActivityStore['markThreadRead'] = (...a) => this.activity.markThreadRead(...a);
  appendActivity: ActivityStore['appendActivity'] = (...a) => this.activity.appendActivity(...a);
  listActivity: ActivityStore['listActivity'] = (...a) => this.activity.listActivity(...a);
  pruneActivity: ActivityStore['pruneActivity'] = (...a) => this.activity.pruneActivity(...a);

  // ---- share links ----

  async loadShareLinks(boardId: string): Promise<readonly ShareLinkRow[]> {
    const rows = this.db
      .prepare('SELECT role, generation, token_hash, sealed FROM share_links WHERE board_id = ?')
      .all(boardId);
    return rows.map((r) => ({
      role: r.role as ShareLinkRow['role'],
      generation: int(boardId, r.generation, 'share link generation'),
      tokenHash: blob(boardId, r.token_hash, 'share link hash'),
      sealed: blob(boardId, r.sealed, 'share link secret'),
    }));
  }

  async saveShareLinks(boardId: string, rows: readonly ShareLinkRow[]): Promise<void> {
    const upsert = this.db.prepare(
      `INSERT INTO share_links (board_id, role, generation, token_hash, sealed) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (board_id, role) DO UPDATE SET generation = excluded.generation, token_hash = excluded.token_hash, sealed = excluded.sealed`,
    );
    this.transaction(() => {
      for (const r of rows) upsert.run(boardId, r.role, r.generation, r.tokenHash, r.sealed);
    });
  }

  async listBoards(): Promise<readonly BoardInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT id, title, created_at, max(updated_at, coalesce((SELECT max(at) FROM board_updates WHERE board_id = boards.id), 0)) AS updated_at
         FROM boards ORDER BY updated_at DESC, id`,
      )
      .all();
    return rows.map((r) => toInfo(String(r.id), r));
  }

  // ---- snapshot revisions (SnapshotRevisions.ts) ----

  async snapshotRevision(boardId: string, kind: 'board' | BoardDocumentKind = 'board'): Promise<number> {
    const row = this.db
      .prepare('SELECT revision FROM board_snapshot_revisions WHERE board_id = ? AND kind = ?')
      .get(boardId, kind);
    return row ? int(boardId, row.revision, 'snapshot revision') : 0;
  }

  async compactIfCurrent(boardId: string, c: RevisedCompaction): Promise<number | null> {
    return this.transaction(() => {
      if (!this.currentRevision(boardId, 'board', c.expectedRevision)) return null;
      this.db
        .prepare('UPDATE boards SET snapshot = ?, title = ?, updated_at = max(updated_at, ?) WHERE id = ?')
        .run(c.snapshot, c.title, c.at, boardId);
      this.db
        .prepare('DELETE FROM board_updates WHERE board_id = ? AND seq IN (SELECT value FROM json_each(?))')
        .run(boardId, JSON.stringify(c.seqs));
      return this.bumpRevision(boardId);
    });
  }

  async compactBoardDocumentIfCurrent(
    boardId: string,
    kind: BoardDocumentKind,
    c: RevisedDocumentCompaction,
  ): Promise<number | null> {
    return this.transaction(() => {
      if (!this.currentRevision(boardId, kind, c.expectedRevision)) return null;
      this.db
        .prepare(
          `INSERT INTO board_documents (board_id, kind, updated_at, snapshot) VALUES (?, ?, ?, ?)
           ON CONFLICT (board_id, kind) DO UPDATE SET snapshot = excluded.snapshot, updated_at = max(updated_at, excluded.updated_at)`,
        )
        .run(boardId, kind, c.at, c.snapshot);
      this.db
        .prepare(
          'DELETE FROM board_document_updates WHERE board_id = ? AND kind = ? AND seq IN (SELECT value FROM json_each(?))',
        )
        .run(boardId, kind, JSON.stringify(c.seqs));
      return this.bumpRevision(boardId, kind);
    });
  }

  /** Inside a transaction: whether the document's snapshot is at `expected`; throws if the board is gone. */
  private currentRevision(boardId: string, kind: string, expected: number): boolean {
    if (!this.db.prepare('SELECT 1 AS found FROM boards WHERE id = ?').get(boardId))
      throw new Error(`Cannot compact board ${boardId}: it is not stored`);
    const row = this.db
      .prepare('SELECT revision FROM board_snapshot_revisions WHERE board_id = ? AND kind = ?')
      .get(boardId, kind);
    return (row ? int(boardId, row.revision, 'snapshot revision') : 0) === expected;
  }

  /** Inside a transaction: the snapshot changed; returns its new revision. */
  private bumpRevision(boardId: string, kind: string = 'board'): number {
    const row = this.db
      .prepare(
        `INSERT INTO board_snapshot_revisions (board_id, kind, revision) VALUES (?, ?, 1)
         ON CONFLICT (board_id, kind) DO UPDATE SET revision = revision + 1 RETURNING revision`,
      )
      .get(boardId, kind);
    return int(boardId, row?.revision, 'snapshot revision');
  }

  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function toInfo(boardId: string, row: Record<string, SQLOutputValue>): BoardInfo {
  return {
    id: boardId,
    title: typeof row.title === 'string' ? row.title : '',
    createdAt: int(boardId, row.created_at, 'created_at'),
    updatedAt: int(boardId, row.updated_at, 'updated_at'),
  };
}

function blob(boardId: string, value: SQLOutputValue | undefined, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new CorruptBoardError(boardId, `${what} is ${value === null ? 'null' : typeof value}, not binary data`);
}

function toCheckpointInfo(row: Record<string, SQLOutputValue>): CheckpointInfo {
  const boardId = String(row.board_id);
  return {
    id: String(row.id),
    boardId,
    kind: checkpointKindOf(row.kind),
    label: typeof row.label === 'string' ? row.label : '',
    createdBy:
      typeof row.created_by_id === 'string' ? { id: row.created_by_id, name: String(row.created_by_name ?? '') } : null,
    createdAt: int(boardId, row.created_at, 'checkpoint created_at'),
    noteCount: int(boardId, row.note_count, 'checkpoint note_count'),
  };
}

/** Backups copy bytes as they are, even bad ones: a null becomes empty bytes (the board stays corrupt, not lost). */
function rawBytes(value: SQLOutputValue | undefined): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return new Uint8Array();
}

function int(boardId: string, value: SQLOutputValue | undefined, what: string): number {
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  throw new CorruptBoardError(boardId, `${what} is not a number`);
}
