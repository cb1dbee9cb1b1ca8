import pg from 'pg';
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
import { log } from '../observability/log.ts';
import { PostgresTemplateStore } from './PostgresTemplateStore.ts';
import { PostgresIdentityStore } from '../identity/PostgresIdentityStore.ts';
import { PostgresAccountStore } from '../identity/PostgresAccountStore.ts';
import type { TemplateStore } from './TemplateStore.ts';
import {
  POSTGRES_WORKSHOP_SCHEMA,
  postgresLoadWorkshopState,
  postgresReplaceWorkshopState,
  postgresSaveWorkshopState,
} from './WorkshopStateStore.ts';
import { exportPostgresVoting, importPostgresVoting, PostgresVotingStore } from '../voting/PostgresVotingStore.ts';
import { PostgresPrivateWritingStore } from '../privateWriting/PostgresPrivateWritingStore.ts';
import type { BoardDocumentCompaction, BoardDocumentKind, StoredBoardDocument } from './BoardDocumentStore.ts';
import { PG_BOARD_DOCUMENTS_SCHEMA, PostgresBoardDocuments } from './postgresBoardDocuments.ts';
import type { ActivityStore } from './ActivityStore.ts';
import { PG_ACTIVITY_SCHEMA, PostgresActivity } from './postgresActivity.ts';

/**
 * PostgreSQL storage (DATABASE_URL): the same tables as SQLite, in one schema (default `public`).
 * Every statement is one autocommit transaction unless wrapped in `transaction`; a commit is
 * durable when it returns (synchronous_commit on, PostgreSQL's default), which is what
 * appendUpdate promises. Several server processes may share one database (see docs/operations.md).
 */
export interface PostgresStoreOptions {
  readonly connectionString: string;
  /** Created if missing. Tests use a unique schema per run so parallel runs never collide. */
  readonly schema?: string;
  /** Pool size; default 10. */
  readonly maxConnections?: number;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  snapshot BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS board_updates (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  update_data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS board_updates_by_board ON board_updates (board_id, seq);
CREATE TABLE IF NOT EXISTS board_checkpoints (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  created_by_id TEXT,
  created_by_name TEXT,
  created_at BIGINT NOT NULL,
  note_count INTEGER NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS board_checkpoints_by_board ON board_checkpoints (board_id, created_at);
CREATE TABLE IF NOT EXISTS share_links (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'editor', 'commenter', 'viewer')),
  generation INTEGER NOT NULL,
  token_hash BYTEA NOT NULL,
  sealed BYTEA NOT NULL,
  PRIMARY KEY (board_id, role)
);
`;

// Snapshot revisions (SnapshotRevisions.ts: compaction with several server instances).
const SNAPSHOT_REVISION_SQL = `
CREATE TABLE IF NOT EXISTS board_snapshot_revisions (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'board',
  revision BIGINT NOT NULL,
  PRIMARY KEY (board_id, kind)
);
`;
// Bump the revision only if it is at $2, inside the compaction's transaction: a concurrent
// compaction of the same board waits on the row lock, then finds the revision moved on and
// updates no row. The first compaction inserts the row (revision 0 = no row); of two first
// compactions, the second waits on the primary key and inserts nothing.
const BUMP_IF_CURRENT_SQL =
  'UPDATE board_snapshot_revisions SET revision = revision + 1 WHERE board_id = $1 AND kind = $2 AND revision = $3 RETURNING revision';
const FIRST_REVISION_SQL =
  'INSERT INTO board_snapshot_revisions (board_id, kind, revision) VALUES ($1, $2, 1) ON CONFLICT (board_id, kind) DO NOTHING RETURNING revision';
const BUMP_SQL = `
INSERT INTO board_snapshot_revisions (board_id, kind, revision) VALUES ($1, 'board', 1)
ON CONFLICT (board_id, kind) DO UPDATE SET revision = board_snapshot_revisions.revision + 1`;

const INFO_SQL = `SELECT id, title, created_at,
  GREATEST(updated_at, COALESCE((SELECT max(at) FROM board_updates u WHERE u.board_id = boards.id), 0)) AS updated_at
  FROM boards`;
const CHECKPOINT_INFO_COLUMNS = 'id, board_id, kind, label, created_by_id, created_by_name, created_at, note_count';

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, 'query'>;

export class PostgresBoardStore implements BoardStore {
  private readonly pool: pg.Pool;
  private closed = false;
  /** Voting rounds and ballots (issue 4), on the same pool. */
  readonly voting: PostgresVotingStore;
  /** Private-writing phases and drafts (issue 4), on the same pool. */
  readonly privateWriting: PostgresPrivateWritingStore;
  private readonly documents: PostgresBoardDocuments;
  private readonly activity: PostgresActivity;

  /** Connects, creates the schema and tables if missing. */
  static async open(options: PostgresStoreOptions): Promise<PostgresBoardStore> {
    const schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // Every connection of the pool works in the schema, so the SQL never names it.
      options: `-c search_path=${schema}`,
    });
    // An idle client that loses its server (restart) emits 'error' on the pool; without a
    // listener that is an uncaught exception. The next query gets a fresh connection.
    pool.on('error', (error) => log.error({ err: error.message }, 'PostgreSQL: an idle connection failed'));
    try {
      // Several instances starting at once on a new database would race on CREATE … IF NOT
      // EXISTS (PostgreSQL then fails with a duplicate pg_type row): one at a time, under an
      // advisory lock held by one connection for the duration.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [`journeyboard-schema:${schema}`]);
        try {
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
          await client.query(SCHEMA_SQL);
          await PostgresTemplateStore.createTables(client);
          await PostgresIdentityStore.createTables(client);
          await PostgresAccountStore.createTables(client);
          await client.query(POSTGRES_WORKSHOP_SCHEMA);
          await PostgresVotingStore.createTables(client);
          await PostgresPrivateWritingStore.createTables(client);
          await client.query(PG_BOARD_DOCUMENTS_SCHEMA);
          await client.query(PG_ACTIVITY_SCHEMA);
          await client.query(SNAPSHOT_REVISION_SQL);
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`journeyboard-schema:${schema}`]);
        }
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresBoardStore(pool);
  }

  readonly templates: TemplateStore;
  readonly identities: PostgresIdentityStore;
  readonly accounts: PostgresAccountStore;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
    this.templates = new PostgresTemplateStore(pool);
    this.identities = new PostgresIdentityStore(pool);
    this.accounts = new PostgresAccountStore(pool);
    this.voting = new PostgresVotingStore(pool);
    this.privateWriting = new PostgresPrivateWritingStore(pool);
    this.documents = new PostgresBoardDocuments(pool, (isolation, fn) => this.transaction(isolation, fn));
    this.activity = new PostgresActivity(pool);
  }

  async createBoard(board: NewBoard): Promise<void> {
    await this.pool.query(
      'INSERT INTO boards (id, title, created_at, updated_at, snapshot) VALUES ($1, $2, $3, $3, $4)',
      [board.id, board.title, board.createdAt, Buffer.from(board.snapshot)],
    );
  }

  async getBoardInfo(boardId: string): Promise<BoardInfo | null> {
    const { rows } = await this.pool.query<Row>(`${INFO_SQL} WHERE id = $1`, [boardId]);
    return rows[0] ? toInfo(boardId, rows[0]) : null;
  }

  async listBoards(): Promise<readonly BoardInfo[]> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM (${INFO_SQL}) b ORDER BY updated_at DESC, id`);
    return rows.map((r) => toInfo(String(r.id), r));
  }

  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    // REPEATABLE READ: the snapshot and the log come from one moment, as in SQLite's read transaction.
    return this.transaction('REPEATABLE READ', async (c) => {
      const info = (await c.query<Row>(`${INFO_SQL} WHERE id = $1`, [boardId])).rows[0];
      if (!info) return null;
      const snap = (await c.query<Row>('SELECT snapshot FROM boards WHERE id = $1', [boardId])).rows[0];
      const log = (
        await c.query<Row>('SELECT seq, update_data FROM board_updates WHERE board_id = $1 ORDER BY seq', [boardId])
      ).rows;
      return {
        ...toInfo(boardId, info),
        snapshot: blob(boardId, snap?.snapshot, 'snapshot'),
        updates: log.map((r) => ({
          seq: int(boardId, r.seq, 'seq'),
          update: blob(boardId, r.update_data, `update ${String(r.seq)}`),
        })),
      };
    });
  }

  async appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number> {
    const { rows } = await this.pool.query<Row>(
      'INSERT INTO board_updates (board_id, at, update_data) VALUES ($1, $2, $3) RETURNING seq',
      [boardId, at, Buffer.from(update)],
    );
    return int(boardId, rows[0]?.seq, 'seq');
  }

  async compact(boardId: string, c: Compaction): Promise<void> {
    await this.transaction('READ COMMITTED', async (q) => {
      const changed = await q.query(
        'UPDATE boards SET snapshot = $1, title = $2, updated_at = GREATEST(updated_at, $3) WHERE id = $4',
        [Buffer.from(c.snapshot), c.title, c.at, boardId],
      );
      if (changed.rowCount !== 1) throw new Error(`Cannot compact board ${boardId}: it is not stored`);
      await q.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [boardId, c.upToSeq]);
      await q.query(BUMP_SQL, [boardId]);
    });
  }

  async addCheckpoint(c: StoredCheckpoint): Promise<void> {
    await insertCheckpoint(this.pool, c);
  }

  async listCheckpoints(boardId: string): Promise<CheckpointInfo[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${CHECKPOINT_INFO_COLUMNS} FROM board_checkpoints WHERE board_id = $1 ORDER BY created_at DESC, id DESC`,
      [boardId],
    );
    return rows.map(toCheckpointInfo);
  }

  async getCheckpoint(boardId: string, checkpointId: string): Promise<StoredCheckpoint | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${CHECKPOINT_INFO_COLUMNS}, state FROM board_checkpoints WHERE board_id = $1 AND id = $2`,
      [boardId, checkpointId],
    );
    const row = rows[0];
    return row ? { ...toCheckpointInfo(row), state: blob(boardId, row.state, `checkpoint ${checkpointId}`) } : null;
  }

  async deleteCheckpoints(boardId: string, checkpointIds: readonly string[]): Promise<void> {
    if (checkpointIds.length === 0) return;
    await this.pool.query('DELETE FROM board_checkpoints WHERE board_id = $1 AND id = ANY($2::text[])', [
      boardId,
      [...checkpointIds],
    ]);
  }

  async exportBoard(boardId: string): Promise<BoardDump | null> {
    return this.transaction('REPEATABLE READ', async (q) => {
      const info = (await q.query<Row>(`${INFO_SQL} WHERE id = $1`, [boardId])).rows[0];
      if (!info) return null;
      const snap = (await q.query<Row>('SELECT snapshot FROM boards WHERE id = $1', [boardId])).rows[0];
      const log = (
        await q.query<Row>('SELECT at, update_data FROM board_updates WHERE board_id = $1 ORDER BY seq', [boardId])
      ).rows;
      const cps = (
        await q.query<Row>(
          `SELECT ${CHECKPOINT_INFO_COLUMNS}, state FROM board_checkpoints WHERE board_id = $1 ORDER BY created_at, id`,
          [boardId],
        )
      ).rows;
      return {
        board: { ...toInfo(boardId, info), snapshot: rawBytes(snap?.snapshot) },
        updates: log.map((u) => ({ at: Number(u.at), update: rawBytes(u.update_data) })),
        checkpoints: cps.map((c) => ({ ...toCheckpointInfo(c), state: rawBytes(c.state) })),
        voting: await exportPostgresVoting(q, boardId),
        documents: await this.documents.dump(q, boardId),
      };
    });
  }

  async importBoard(dump: BoardDump): Promise<void> {
    const { board } = dump;
    await this.transaction('READ COMMITTED', async (q) => {
      await q.query('DELETE FROM boards WHERE id = $1', [board.id]); // cascades to log, checkpoints, links
      await q.query('INSERT INTO boards (id, title, created_at, updated_at, snapshot) VALUES ($1, $2, $3, $4, $5)', [
        board.id,
        board.title,
        board.createdAt,
        board.updatedAt,
        Buffer.from(board.snapshot),
      ]);
      for (const u of dump.updates) {
        await q.query('INSERT INTO board_updates (board_id, at, update_data) VALUES ($1, $2, $3)', [
          board.id,
          u.at,
          Buffer.from(u.update),
        ]);
      }
      for (const c of dump.checkpoints) await insertCheckpoint(q, c);
      if (dump.voting) await importPostgresVoting(q, board.id, dump.voting);
      await this.documents.restore(q, board.id, dump.documents ?? []);
    });
  }

  // ---- workshop state (issue 4; SQL in WorkshopStateStore.ts) ----

  async loadWorkshopState(boardId: string): Promise<unknown> {
    return postgresLoadWorkshopState(this.pool, boardId);
  }

  async saveWorkshopState(boardId: string, state: unknown, at: number): Promise<void> {
    await postgresSaveWorkshopState(this.pool, boardId, state, at);
  }

  async replaceWorkshopState(boardId: string, expected: unknown, state: unknown, at: number): Promise<boolean> {
    return postgresReplaceWorkshopState(this.pool, boardId, expected, state, at);
  }

  // ---- the board's other documents (comments): postgresBoardDocuments.ts ----

  loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null> {
    return this.documents.loadBoardDocument(boardId, kind);
  }

  appendBoardDocumentUpdate(boardId: string, kind: BoardDocumentKind, update: Uint8Array, at: number): Promise<number> {
    return this.documents.appendBoardDocumentUpdate(boardId, kind, update, at);
  }

  compactBoardDocument(boardId: string, kind: BoardDocumentKind, compaction: BoardDocumentCompaction): Promise<void> {
    return this.documents.compactBoardDocument(boardId, kind, compaction);
  }

  // ---- visits, thread reads and note activity (issue 5): postgresActivity.ts ----
  recordVisit: ActivityStore['recordVisit'] = (...a) => this.activity.recordVisit(...a);
  touchVisit: ActivityStore['touchVisit'] = (...a) => this.activity.touchVisit(...a);
  loadThreadReads: ActivityStore['loadThreadReads'] = (...a) => this.activity.loadThreadReads(...a);
  markThreadRead: ActivityStore['markThreadRead'] = (...a) => this.activity.markThreadRead(...a);
  appendActivity: ActivityStore['appendActivity'] = (...a) => this.activity.appendActivity(...a);
  listActivity: ActivityStore['listActivity'] = (...a) => this.activity.listActivity(...a);
  pruneActivity: ActivityStore['pruneActivity'] = (...a) => this.activity.pruneActivity(...a);

  // ---- share links ----

  async loadShareLinks(boardId: string): Promise<readonly ShareLinkRow[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT role, generation, token_hash, sealed FROM share_links WHERE board_id = $1',
      [boardId],
    );
    return rows.map((r) => ({
      role: r.role as ShareLinkRow['role'],
      generation: int(boardId, r.generation, 'share link generation'),
      tokenHash: blob(boardId, r.token_hash, 'share link hash'),
      sealed: blob(boardId, r.sealed, 'share link secret'),
    }));
  }

  async saveShareLinks(boardId: string, rows: readonly ShareLinkRow[]): Promise<void> {
    await this.transaction('READ COMMITTED', async (q) => {
      for (const r of rows) {
        await q.query(
          `INSERT INTO share_links (board_id, role, generation, token_hash, sealed) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (board_id, role) DO UPDATE SET generation = EXCLUDED.generation, token_hash = EXCLUDED.token_hash, sealed = EXCLUDED.sealed`,
          [boardId, r.role, r.generation, Buffer.from(r.tokenHash), Buffer.from(r.sealed)],
        );
      }
    });
  }

  // ---- snapshot revisions (SnapshotRevisions.ts) ----

  async snapshotRevision(boardId: string, kind: 'board' | BoardDocumentKind = 'board'): Promise<number> {
    const { rows } = await this.pool.query<Row>(
      'SELECT revision FROM board_snapshot_revisions WHERE board_id = $1 AND kind = $2',
      [boardId, kind],
    );
    return rows[0] ? int(boardId, rows[0].revision, 'snapshot revision') : 0;
  }

  async compactIfCurrent(boardId: string, c: RevisedCompaction): Promise<number | null> {
    return this.transaction('READ COMMITTED', async (q) => {
      const revision = await bumpIfCurrent(q, boardId, 'board', c.expectedRevision);
      if (revision === null) return null; // nothing written yet: the transaction commits empty
      await q.query(
        'UPDATE boards SET snapshot = $1, title = $2, updated_at = GREATEST(updated_at, $3) WHERE id = $4',
        [Buffer.from(c.snapshot), c.title, c.at, boardId],
      );
      await q.query('DELETE FROM board_updates WHERE board_id = $1 AND seq = ANY($2::bigint[])', [
        boardId,
        [...c.seqs],
      ]);
      return revision;
    });
  }

  async compactBoardDocumentIfCurrent(
    boardId: string,
    kind: BoardDocumentKind,
    c: RevisedDocumentCompaction,
  ): Promise<number | null> {
    return this.transaction('READ COMMITTED', async (q) => {
      const revision = await bumpIfCurrent(q, boardId, kind, c.expectedRevision);
      if (revision === null) return null;
      await q.query(
        `INSERT INTO board_documents (board_id, kind, updated_at, snapshot) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, kind) DO UPDATE SET snapshot = EXCLUDED.snapshot, updated_at = GREATEST(board_documents.updated_at, EXCLUDED.updated_at)`,
        [boardId, kind, c.at, Buffer.from(c.snapshot)],
      );
      await q.query(
        'DELETE FROM board_document_updates WHERE board_id = $1 AND kind = $2 AND seq = ANY($3::bigint[])',
        [boardId, kind, [...c.seqs]],
      );
      return revision;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async transaction<T>(
    isolation: 'READ COMMITTED' | 'REPEATABLE READ',
    fn: (client: Queryable) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
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

/** Inside a transaction: bumps the document's snapshot revision if it is at `expected`; null otherwise. */
async function bumpIfCurrent(q: Queryable, boardId: string, kind: string, expected: number): Promise<number | null> {
  const exists = await q.query('SELECT 1 FROM boards WHERE id = $1', [boardId]);
  if (exists.rowCount !== 1) throw new Error(`Cannot compact board ${boardId}: it is not stored`);
  const bumped =
    expected === 0
      ? (await q.query<Row>(FIRST_REVISION_SQL, [boardId, kind])).rows[0]
      : (await q.query<Row>(BUMP_IF_CURRENT_SQL, [boardId, kind, expected])).rows[0];
  return bumped ? int(boardId, bumped.revision, 'snapshot revision') : null;
}

function insertCheckpoint(q: Queryable, c: StoredCheckpoint): Promise<unknown> {
  return q.query(
    `INSERT INTO board_checkpoints (id, board_id, kind, label, created_by_id, created_by_name, created_at, note_count, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      c.id,
      c.boardId,
      c.kind,
      c.label,
      c.createdBy?.id ?? null,
      c.createdBy?.name ?? null,
      c.createdAt,
      c.noteCount,
      Buffer.from(c.state),
    ],
  );
}

function toInfo(boardId: string, row: Row): BoardInfo {
  return {
    id: boardId,
    title: typeof row.title === 'string' ? row.title : '',
    createdAt: int(boardId, row.created_at, 'created_at'),
    updatedAt: int(boardId, row.updated_at, 'updated_at'),
  };
}

function toCheckpointInfo(row: Row): CheckpointInfo {
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

/** pg returns BYTEA as a Buffer; hand out a plain Uint8Array view, as SQLite does. */
function blob(boardId: string, value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new CorruptBoardError(boardId, `${what} is ${value === null ? 'null' : typeof value}, not binary data`);
}

function rawBytes(value: unknown): Uint8Array {
  return value instanceof Uint8Array
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : new Uint8Array();
}

/** BIGINT and BIGSERIAL arrive as strings (pg does not guess at 64-bit precision). */
function int(boardId: string, value: unknown, what: string): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (Number.isSafeInteger(n)) return n;
  throw new CorruptBoardError(boardId, `${what} is not a number`);
}
