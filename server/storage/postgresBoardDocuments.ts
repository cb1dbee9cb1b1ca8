import type pg from 'pg';
import type {
  BoardDocumentCompaction,
  BoardDocumentDump,
  BoardDocumentKind,
  BoardDocumentStore,
  StoredBoardDocument,
} from './BoardDocumentStore.ts';
import { CorruptBoardError } from './BoardStore.ts';

// A board's other documents (BoardDocumentStore.ts): the same two tables as SQLite.
export const PG_BOARD_DOCUMENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS board_documents (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('comments')),
  updated_at BIGINT NOT NULL,
  snapshot BYTEA NOT NULL,
  PRIMARY KEY (board_id, kind)
);
CREATE TABLE IF NOT EXISTS board_document_updates (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('comments')),
  at BIGINT NOT NULL,
  update_data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS board_document_updates_by_doc ON board_document_updates (board_id, kind, seq);
`;

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, 'query'>;
type Transaction = <T>(
  isolation: 'READ COMMITTED' | 'REPEATABLE READ',
  fn: (client: Queryable) => Promise<T>,
) => Promise<T>;

/** The PostgreSQL half of BoardDocumentStore, on the store's pool (PostgresBoardStore delegates). */
export class PostgresBoardDocuments implements BoardDocumentStore {
  private readonly pool: pg.Pool;
  private readonly transaction: Transaction;

  constructor(pool: pg.Pool, transaction: Transaction) {
    this.pool = pool;
    this.transaction = transaction;
  }

  async loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null> {
    return this.transaction('REPEATABLE READ', async (q) => {
      if ((await q.query('SELECT 1 FROM boards WHERE id = $1', [boardId])).rowCount === 0) return null;
      const snap = (
        await q.query<Row>('SELECT snapshot FROM board_documents WHERE board_id = $1 AND kind = $2', [boardId, kind])
      ).rows[0];
      const log = (
        await q.query<Row>(
          'SELECT seq, update_data FROM board_document_updates WHERE board_id = $1 AND kind = $2 ORDER BY seq',
          [boardId, kind],
        )
      ).rows;
      return {
        snapshot: snap ? blob(boardId, snap.snapshot, `${kind} snapshot`) : null,
        updates: log.map((r) => ({
          seq: Number(r.seq),
          update: blob(boardId, r.update_data, `${kind} update ${String(r.seq)}`),
        })),
      };
    });
  }

  async appendBoardDocumentUpdate(
    boardId: string,
    kind: BoardDocumentKind,
    update: Uint8Array,
    at: number,
  ): Promise<number> {
    const { rows } = await this.pool.query<Row>(
      'INSERT INTO board_document_updates (board_id, kind, at, update_data) VALUES ($1, $2, $3, $4) RETURNING seq',
      [boardId, kind, at, Buffer.from(update)],
    );
    return Number(rows[0]?.seq);
  }

  async compactBoardDocument(boardId: string, kind: BoardDocumentKind, c: BoardDocumentCompaction): Promise<void> {
    await this.transaction('READ COMMITTED', async (q) => {
      await q.query(
        `INSERT INTO board_documents (board_id, kind, updated_at, snapshot) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, kind) DO UPDATE SET snapshot = EXCLUDED.snapshot, updated_at = GREATEST(board_documents.updated_at, EXCLUDED.updated_at)`,
        [boardId, kind, c.at, Buffer.from(c.snapshot)],
      );
      await q.query('DELETE FROM board_document_updates WHERE board_id = $1 AND kind = $2 AND seq <= $3', [
        boardId,
        kind,
        c.upToSeq,
      ]);
    });
  }

  /** Raw rows for a backup, inside the export's transaction. */
  async dump(q: Queryable, boardId: string): Promise<BoardDocumentDump[]> {
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
    for (const r of (
      await q.query<Row>('SELECT kind, updated_at, snapshot FROM board_documents WHERE board_id = $1 ORDER BY kind', [
        boardId,
      ])
    ).rows) {
      const e = entry(r.kind as BoardDocumentKind);
      e.snapshot = rawBytes(r.snapshot);
      e.updatedAt = Number(r.updated_at);
    }
    for (const r of (
      await q.query<Row>('SELECT kind, at, update_data FROM board_document_updates WHERE board_id = $1 ORDER BY seq', [
        boardId,
      ])
    ).rows) {
      entry(r.kind as BoardDocumentKind).updates.push({ at: Number(r.at), update: rawBytes(r.update_data) });
    }
    return [...docs].map(([kind, e]) => ({ kind, ...e }));
  }

  /** Writes a backup's rows inside the import's transaction, after the board row. */
  async restore(q: Queryable, boardId: string, documents: readonly BoardDocumentDump[]): Promise<void> {
    for (const d of documents) {
      if (d.snapshot) {
        await q.query('INSERT INTO board_documents (board_id, kind, updated_at, snapshot) VALUES ($1, $2, $3, $4)', [
          boardId,
          d.kind,
          d.updatedAt,
          Buffer.from(d.snapshot),
        ]);
      }
      for (const u of d.updates) {
        await q.query('INSERT INTO board_document_updates (board_id, kind, at, update_data) VALUES ($1, $2, $3, $4)', [
          boardId,
          d.kind,
          u.at,
          Buffer.from(u.update),
        ]);
      }
    }
  }
}

function blob(boardId: string, value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new CorruptBoardError(boardId, `${what} is ${value === null ? 'null' : typeof value}, not binary data`);
}

function rawBytes(value: unknown): Uint8Array {
  return value instanceof Uint8Array
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : new Uint8Array();
}
