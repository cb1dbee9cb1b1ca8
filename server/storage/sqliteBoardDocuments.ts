import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import type {
  BoardDocumentCompaction,
  BoardDocumentDump,
  BoardDocumentKind,
  BoardDocumentStore,
  StoredBoardDocument,
} from './BoardDocumentStore.ts';
import { CorruptBoardError } from './BoardStore.ts';

// A board's other documents (BoardDocumentStore.ts). `seq` is global and monotonic like the
// board log's, so "rows up to seq N" is a stable compaction boundary.
export const BOARD_DOCUMENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_documents (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('comments')),
  updated_at INTEGER NOT NULL,
  snapshot BLOB NOT NULL,
  PRIMARY KEY (board_id, kind)
) STRICT;
CREATE TABLE IF NOT EXISTS board_document_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('comments')),
  at INTEGER NOT NULL,
  update_data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS board_document_updates_by_doc ON board_document_updates (board_id, kind, seq);
`;

/** The SQLite half of BoardDocumentStore, on the store's database handle (SqliteBoardStore delegates). */
export class SqliteBoardDocuments implements BoardDocumentStore {
  private readonly db: DatabaseSync;
  private readonly transaction: <T>(fn: () => T) => T;

  constructor(db: DatabaseSync, transaction: <T>(fn: () => T) => T) {
    this.db = db;
    this.transaction = transaction;
    this.db.exec(BOARD_DOCUMENTS_SCHEMA);
  }

  async loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null> {
    return this.transaction(() => {
      if (!this.db.prepare('SELECT 1 AS one FROM boards WHERE id = ?').get(boardId)) return null;
      const row = this.db
        .prepare('SELECT snapshot FROM board_documents WHERE board_id = ? AND kind = ?')
        .get(boardId, kind);
      const rows = this.db
        .prepare('SELECT seq, update_data FROM board_document_updates WHERE board_id = ? AND kind = ? ORDER BY seq')
        .all(boardId, kind);
      return {
        snapshot: row ? blob(boardId, row.snapshot, `${kind} snapshot`) : null,
        updates: rows.map((r) => ({
          seq: Number(r.seq),
          update: blob(boardId, r.update_data, `${kind} update ${String(r.seq)}`),
        })),
      };
    });
  }

  // Not `async`, like SqliteBoardStore.appendUpdate: committed before it returns.
  appendBoardDocumentUpdate(boardId: string, kind: BoardDocumentKind, update: Uint8Array, at: number): Promise<number> {
    try {
      const result = this.db
        .prepare('INSERT INTO board_document_updates (board_id, kind, at, update_data) VALUES (?, ?, ?, ?)')
        .run(boardId, kind, at, update);
      return Promise.resolve(Number(result.lastInsertRowid));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async compactBoardDocument(boardId: string, kind: BoardDocumentKind, c: BoardDocumentCompaction): Promise<void> {
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO board_documents (board_id, kind, updated_at, snapshot) VALUES (?, ?, ?, ?)
           ON CONFLICT (board_id, kind) DO UPDATE SET snapshot = excluded.snapshot, updated_at = max(updated_at, excluded.updated_at)`,
        )
        .run(boardId, kind, c.at, c.snapshot);
      this.db
        .prepare('DELETE FROM board_document_updates WHERE board_id = ? AND kind = ? AND seq <= ?')
        .run(boardId, kind, c.upToSeq);
    });
  }

  /** Raw rows for a backup (call inside the export's transaction). */
  dump(boardId: string): BoardDocumentDump[] {
    const docs = new Map<
      BoardDocumentKind,
      { snapshot: Uint8Array | null; updatedAt: number; updates: { at: number; update: Uint8Array }[] }
    >();
    const entry = (kind: BoardDocumentKind) => {
      let e = docs.get(kind);
      if (!e) {
        e = { snapshot: null, updatedAt: 0, updates: [] };
        docs.set(kind, e);
      }
      return e;
    };
    for (const r of this.db
      .prepare('SELECT kind, updated_at, snapshot FROM board_documents WHERE board_id = ? ORDER BY kind')
      .all(boardId)) {
      const e = entry(r.kind as BoardDocumentKind);
      e.snapshot = rawBytes(r.snapshot);
      e.updatedAt = Number(r.updated_at);
    }
    for (const r of this.db
      .prepare('SELECT kind, at, update_data FROM board_document_updates WHERE board_id = ? ORDER BY seq')
      .all(boardId)) {
      entry(r.kind as BoardDocumentKind).updates.push({ at: Number(r.at), update: rawBytes(r.update_data) });
    }
    return [...docs].map(([kind, e]) => ({ kind, ...e }));
  }

  /** Writes a backup's rows (call inside the import's transaction, after the board row). */
  restore(boardId: string, documents: readonly BoardDocumentDump[]): void {
    const insertDoc = this.db.prepare(
      'INSERT INTO board_documents (board_id, kind, updated_at, snapshot) VALUES (?, ?, ?, ?)',
    );
    const insertUpdate = this.db.prepare(
      'INSERT INTO board_document_updates (board_id, kind, at, update_data) VALUES (?, ?, ?, ?)',
    );
    for (const d of documents) {
      if (d.snapshot) insertDoc.run(boardId, d.kind, d.updatedAt, d.snapshot);
      for (const u of d.updates) insertUpdate.run(boardId, d.kind, u.at, u.update);
    }
  }
}

function blob(boardId: string, value: SQLOutputValue | undefined, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new CorruptBoardError(boardId, `${what} is ${value === null ? 'null' : typeof value}, not binary data`);
}

function rawBytes(value: SQLOutputValue | undefined): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array();
}
