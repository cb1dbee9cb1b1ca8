import type { StatementSync } from 'node:sqlite';
import { type Generated, type Kysely, sql } from 'kysely';
import type { BoardDump } from './CheckpointRepository.ts';
import type {
  BoardDocumentKind,
  BoardInfo,
  Compaction,
  LoggedUpdate,
  NewBoard,
  ShareLinkRow,
  StoredBoard,
} from './BoardStore.ts';
import type { Database } from './database.ts';
import { PreparedQuery } from './PreparedQuery.ts';
import { boardVersionQuery, type StoredVersion } from './storedVersion.ts';
import { blob, int, rawBytes } from './rows.ts';
import type { RevisedCompaction, UnseenUpdates } from './SnapshotRevisions.ts';

export interface BoardTables {
  boards: { id: string; title: string; created_at: number; updated_at: number; snapshot: Uint8Array };
  board_updates: { seq: Generated<number>; board_id: string; at: number; update_data: Uint8Array };
  share_links: {
    board_id: string;
    role: ShareLinkRow['role'];
    generation: number;
    token_hash: Uint8Array;
    sealed: Uint8Array;
  };
  board_snapshot_revisions: { board_id: string; kind: string; revision: number };
}

/**
 * Boards, their update logs, share links and snapshot revisions (tables: migrations/0001_boards.ts).
 * A board is a snapshot plus the log of updates accepted since; loading applies both, compaction
 * folds the log into a new snapshot. A client's update is acknowledged only once `appendUpdate`
 * of it has resolved (server/persistence/heldAcks.ts), so it resolves only once the row is durable.
 */
export class BoardRepository {
  readonly #database: Database;
  readonly #db: Kysely<BoardTables>;
  /**
   * SQLite: the hot path (one row per accepted update) runs this prepared statement directly,
   * committed before `appendUpdate` returns, without Kysely's compile and promise steps; the row is
   * durable even if nobody awaits it. Inside a transaction it waits its turn through Kysely instead.
   */
  readonly #insertUpdate: StatementSync | null;
  /** Read on every connection that brings a share-link token: compiled once (PreparedQuery.ts). */
  readonly #shareLinks: PreparedQuery<{ boardId: string }, BoardTables['share_links']>;
  readonly #version: (boardId: string) => Promise<StoredVersion | null>;

  constructor(database: Database) {
    this.#database = database;
    const db = database.kysely<BoardTables>();
    this.#db = db;
    this.#shareLinks = new PreparedQuery(db, ['boardId'], (a: { boardId: string }) =>
      db.selectFrom('share_links').selectAll().where('board_id', '=', a.boardId),
    );
    this.#version = boardVersionQuery(database);
    this.#insertUpdate =
      database.sqlite?.prepare('INSERT INTO board_updates (board_id, at, update_data) VALUES (?, ?, ?)') ?? null;
  }

  /** Stores a new board; fails if the id is taken. */
  async createBoard(board: NewBoard): Promise<void> {
    await this.#db
      .insertInto('boards')
      .values({
        id: board.id,
        title: board.title,
        created_at: board.createdAt,
        updated_at: board.createdAt,
        snapshot: board.snapshot,
      })
      .execute();
  }

  /** The board's row without its data, or null if there is no such board. */
  async getBoardInfo(boardId: string): Promise<BoardInfo | null> {
    const row = await this.#info(this.#db).where('id', '=', boardId).executeTakeFirst();
    return row ? toInfo(boardId, row) : null;
  }

  /** Every board's info, most recently updated first; for the admin listing and backups. */
  async listBoards(): Promise<readonly BoardInfo[]> {
    const rows = await this.#info(this.#db).orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map((r) => toInfo(r.id, r));
  }

  /** Snapshot and log from one moment, or null if there is no such board. Throws CorruptBoardError on bad rows. */
  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    return this.#database.transaction<BoardTables, StoredBoard | null>(async (trx) => {
      const info = await this.#info(trx).select('snapshot').where('id', '=', boardId).executeTakeFirst();
      if (!info) return null;
      return {
        ...toInfo(boardId, info),
        snapshot: blob(boardId, info.snapshot, 'snapshot'),
        updates: (await logRows(trx, boardId)).map((r) => loggedUpdate(boardId, r, 'update')),
      };
    }, 'repeatable read');
  }

  /** What loadBoard would read, as a version (storedVersion.ts); null if there is no such board. */
  storedVersion(boardId: string): Promise<StoredVersion | null> {
    return this.#version(boardId);
  }

  /** Appends one accepted update; durable when the promise resolves. Resolves to its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number> {
    if (this.#insertUpdate && !this.#database.sqlite?.isTransaction) {
      try {
        return Promise.resolve(Number(this.#insertUpdate.run(boardId, at, update).lastInsertRowid));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#db
      .insertInto('board_updates')
      .values({ board_id: boardId, at, update_data: update })
      .returning('seq')
      .executeTakeFirstOrThrow()
      .then((row) => int(boardId, row.seq, 'seq'));
  }

  /**
   * In one transaction: replaces the snapshot and deletes the log rows with seq <= upToSeq (those
   * the snapshot covers); rows appended meanwhile have a higher seq and stay. Bumps the revision.
   */
  async compact(boardId: string, c: Compaction): Promise<void> {
    await this.#database.transaction<BoardTables, void>(async (trx) => {
      if (!(await this.#writeSnapshot(trx, boardId, c)))
        throw new Error(`Cannot compact board ${boardId}: it is not stored`);
      await trx.deleteFrom('board_updates').where('board_id', '=', boardId).where('seq', '<=', c.upToSeq).execute();
      await bumpRevision(trx, boardId, 'board', null);
    });
  }

  /** See SnapshotRevisions.ts. */
  snapshotRevision(boardId: string, kind: 'board' | BoardDocumentKind = 'board'): Promise<number> {
    return readRevision(this.#db, boardId, kind);
  }

  /** See SnapshotRevisions.ts. */
  async compactIfCurrent(boardId: string, c: RevisedCompaction): Promise<number | null> {
    return this.#database.transaction<BoardTables, number | null>(async (trx) => {
      const revision = await bumpRevision(trx, boardId, 'board', c.expectedRevision);
      if (revision === null) return null; // nothing written: the transaction commits empty
      await this.#writeSnapshot(trx, boardId, c);
      if (c.seqs.length > 0)
        await trx.deleteFrom('board_updates').where('board_id', '=', boardId).where('seq', 'in', c.seqs).execute();
      return revision;
    });
  }

  /** See UnseenUpdates (SnapshotRevisions.ts). */
  async unseenUpdates(boardId: string, known: ReadonlySet<number>): Promise<UnseenUpdates> {
    return this.#database.transaction<BoardTables, UnseenUpdates>(async (trx) => {
      const revision = await readRevision(trx, boardId, 'board');
      const rows = await trx.selectFrom('board_updates').select('seq').where('board_id', '=', boardId).execute();
      const unseen = rows.map((r) => int(boardId, r.seq, 'seq')).filter((seq) => !known.has(seq));
      if (unseen.length === 0) return { revision, updates: [] };
      const updates = await trx
        .selectFrom('board_updates')
        .select(['seq', 'update_data', 'at'])
        .where('board_id', '=', boardId)
        .where('seq', 'in', unseen)
        .orderBy('seq')
        .execute();
      return {
        revision,
        updates: updates.map((r) => ({ ...loggedUpdate(boardId, r, 'update'), at: int(boardId, r.at, 'at') })),
      };
    }, 'repeatable read');
  }

  /** The board's share-link rows, one per role (any order); empty if it has none or does not exist. */
  async loadShareLinks(boardId: string): Promise<readonly ShareLinkRow[]> {
    const rows = await this.#shareLinks.execute({ boardId });
    return rows.map((r) => ({
      role: r.role,
      generation: int(boardId, r.generation, 'share link generation'),
      tokenHash: blob(boardId, r.token_hash, 'share link hash'),
      sealed: blob(boardId, r.sealed, 'share link secret'),
    }));
  }

  /** Inserts or replaces these rows, keyed by (boardId, role), in one transaction; fails if the board does not exist. */
  async saveShareLinks(boardId: string, rows: readonly ShareLinkRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#db
      .insertInto('share_links')
      .values(
        rows.map((r) => ({
          board_id: boardId,
          role: r.role,
          generation: r.generation,
          token_hash: r.tokenHash,
          sealed: r.sealed,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['board_id', 'role']).doUpdateSet((eb) => ({
          generation: eb.ref('excluded.generation'),
          token_hash: eb.ref('excluded.token_hash'),
          sealed: eb.ref('excluded.sealed'),
        })),
      )
      .execute();
  }

  /**
   * The board's row and log as stored, never decoded, read in one transaction (null if there is
   * no such board): the restore-board tool keeps them before it replaces a corrupt snapshot.
   */
  async exportBoard(boardId: string): Promise<Omit<BoardDump, 'checkpoints'> | null> {
    return this.#database.transaction<BoardTables, Omit<BoardDump, 'checkpoints'> | null>(async (trx) => {
      const info = await this.#info(trx).select('snapshot').where('id', '=', boardId).executeTakeFirst();
      if (!info) return null;
      return {
        board: { ...toInfo(boardId, info), snapshot: rawBytes(info.snapshot) },
        updates: (await logRows(trx, boardId)).map((u) => ({ at: Number(u.at), update: rawBytes(u.update_data) })),
      };
    }, 'repeatable read');
  }

  /** updated_at is the later of the last compaction and the last logged update. */
  #info(db: Kysely<BoardTables>) {
    return db.selectFrom('boards').select((eb) => {
      const lastUpdate = eb
        .selectFrom('board_updates as u')
        .select((u) => u.fn.max('u.at').as('at'))
        .whereRef('u.board_id', '=', 'boards.id');
      return [
        'id',
        'title',
        'created_at',
        this.#database.greatest(eb.ref('updated_at'), eb.fn.coalesce(lastUpdate, sql<number>`0`)).as('updated_at'),
      ];
    });
  }

  async #writeSnapshot(trx: Kysely<BoardTables>, boardId: string, c: Compaction | RevisedCompaction): Promise<boolean> {
    const result = await trx
      .updateTable('boards')
      .set((eb) => ({
        snapshot: c.snapshot,
        title: c.title,
        updated_at: this.#database.greatest(eb.ref('updated_at'), sql<number>`${c.at}`),
      }))
      .where('id', '=', boardId)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}

/** The board's log rows as stored, in seq order. */
function logRows(trx: Kysely<BoardTables>, boardId: string) {
  return trx
    .selectFrom('board_updates')
    .select(['seq', 'at', 'update_data'])
    .where('board_id', '=', boardId)
    .orderBy('seq')
    .execute();
}

/** A log row as read, checked (a bad row is a CorruptBoardError). */
export function loggedUpdate(boardId: string, row: { seq: unknown; update_data: unknown }, what: string): LoggedUpdate {
  return {
    seq: int(boardId, row.seq, 'seq'),
    update: blob(boardId, row.update_data, `${what} ${String(row.seq)}`),
  };
}

/** The stored snapshot revision of the board or one of its documents; 0 before the first compaction. */
export async function readRevision(db: Kysely<BoardTables>, boardId: string, kind: string): Promise<number> {
  const row = await db
    .selectFrom('board_snapshot_revisions')
    .select('revision')
    .where('board_id', '=', boardId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? int(boardId, row.revision, 'snapshot revision') : 0;
}

/**
 * Inside a compaction's transaction: bumps the revision of the board's (or its `kind` document's)
 * snapshot. With `expected`, only if it is still at that revision: resolves null otherwise. On
 * PostgreSQL a concurrent compaction of the same board waits on the row lock, then finds the
 * revision moved on and updates no row; of two first compactions (no row yet = revision 0), the
 * second waits on the primary key and inserts nothing. Throws if the board is not stored.
 */
export async function bumpRevision(
  trx: Kysely<BoardTables>,
  boardId: string,
  kind: string,
  expected: number | null,
): Promise<number | null> {
  const board = await trx.selectFrom('boards').select('id').where('id', '=', boardId).executeTakeFirst();
  if (!board) throw new Error(`Cannot compact board ${boardId}: it is not stored`);
  const insert = trx.insertInto('board_snapshot_revisions').values({ board_id: boardId, kind, revision: 1 });
  const row =
    expected === null
      ? await insert
          .onConflict((oc) =>
            oc
              .columns(['board_id', 'kind'])
              .doUpdateSet((eb) => ({ revision: eb('board_snapshot_revisions.revision', '+', 1) })),
          )
          .returning('revision')
          .executeTakeFirst()
      : expected === 0
        ? await insert
            .onConflict((oc) => oc.columns(['board_id', 'kind']).doNothing())
            .returning('revision')
            .executeTakeFirst()
        : await trx
            .updateTable('board_snapshot_revisions')
            .set((eb) => ({ revision: eb('revision', '+', 1) }))
            .where('board_id', '=', boardId)
            .where('kind', '=', kind)
            .where('revision', '=', expected)
            .returning('revision')
            .executeTakeFirst();
  return row ? int(boardId, row.revision, 'snapshot revision') : null;
}

function toInfo(boardId: string, row: { title: unknown; created_at: unknown; updated_at: unknown }): BoardInfo {
  return {
    id: boardId,
    title: typeof row.title === 'string' ? row.title : '',
    createdAt: int(boardId, row.created_at, 'created_at'),
    updatedAt: int(boardId, row.updated_at, 'updated_at'),
  };
}
