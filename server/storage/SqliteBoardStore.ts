import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import { CorruptBoardError, type BoardInfo, type BoardStore, type Compaction, type NewBoard, type StoredBoard } from './BoardStore.ts';

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
`;

export class SqliteBoardStore implements BoardStore {
  private readonly db: DatabaseSync;
  private readonly insertUpdate: StatementSync;
  private readonly selectInfo: StatementSync;

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
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
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
      const rows = this.db.prepare('SELECT seq, update_data FROM board_updates WHERE board_id = ? ORDER BY seq').all(boardId);
      return {
        ...toInfo(boardId, info),
        snapshot: blob(boardId, row?.snapshot, 'snapshot'),
        updates: rows.map((r) => ({ seq: int(boardId, r.seq, 'seq'), update: blob(boardId, r.update_data, `update ${String(r.seq)}`) })),
      };
    });
  }

  appendUpdate(boardId: string, update: Uint8Array, at: number): number {
    return Number(this.insertUpdate.run(boardId, at, update).lastInsertRowid);
  }

  async compact(boardId: string, c: Compaction): Promise<void> {
    this.transaction(() => {
      const changed = this.db
        .prepare('UPDATE boards SET snapshot = ?, title = ?, updated_at = max(updated_at, ?) WHERE id = ?')
        .run(c.snapshot, c.title, c.at, boardId).changes;
      if (Number(changed) !== 1) throw new Error(`Cannot compact board ${boardId}: it is not stored`);
      this.db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?').run(boardId, c.upToSeq);
    });
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
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

function int(boardId: string, value: SQLOutputValue | undefined, what: string): number {
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  throw new CorruptBoardError(boardId, `${what} is not a number`);
}
