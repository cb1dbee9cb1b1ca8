import { type Kysely, sql } from 'kysely';
import type { BoardDump } from './CheckpointRepository.ts';
import type { BoardDocumentKind, BoardInfo, Compaction, NewBoard, ShareLinkRow, StoredBoard } from './BoardStore.ts';
import { PreparedQuery } from './PreparedQuery.ts';
import { Repository } from './Repository.ts';
import { boardVersionQuery, type StoredVersion } from './storedVersion.ts';
import { blob, int, rawBytes } from './rows.ts';
import type { RevisedCompaction, UnseenUpdates } from './SnapshotRevisions.ts';
import { type LogTables, UpdateLog } from './UpdateLog.ts';

/** The tables as the camelCase query builder names them (migrations/0001_boards.ts); the log's are UpdateLog's. */
type BoardTables = LogTables & {
  boards: NewBoard & { updatedAt: number };
  share_links: ShareLinkRow & { boardId: string };
};

/**
 * Boards, their update logs, share links and snapshot revisions (tables: migrations/0001_boards.ts).
 * A board is a snapshot plus the log of updates accepted since; loading applies both, compaction
 * folds the log into a new snapshot. A client's update is acknowledged only once `appendUpdate`
 * of it has resolved (server/persistence/heldAcks.ts), so it resolves only once the row is durable.
 */
export class BoardRepository extends Repository<BoardTables> {
  readonly #log = new UpdateLog(this.database);
  /** Read on every connection that brings a share-link token: compiled once (PreparedQuery.ts). */
  readonly #shareLinks = new PreparedQuery(this.db, ['boardId'], (a: { boardId: string }) =>
    this.db
      .selectFrom('share_links')
      .select(['role', 'generation', 'tokenHash', 'sealed'])
      .where('boardId', '=', a.boardId),
  );
  readonly #version = boardVersionQuery(this.database);

  /** Stores a new board; fails if the id is taken. */
  async createBoard(board: NewBoard): Promise<void> {
    await this.db
      .insertInto('boards')
      .values({ ...board, updatedAt: board.createdAt })
      .execute();
  }

  /** The board's row without its data, or null if there is no such board. */
  async getBoardInfo(boardId: string): Promise<BoardInfo | null> {
    const row = await this.#info(this.db).where('id', '=', boardId).executeTakeFirst();
    return row ? toInfo(boardId, row) : null;
  }

  /** Every board's info, most recently updated first; for the admin listing and backups. */
  async listBoards(): Promise<readonly BoardInfo[]> {
    const rows = await this.#info(this.db).orderBy('updatedAt', 'desc').orderBy('id').execute();
    return rows.map((r) => toInfo(r.id, r));
  }

  /** Snapshot and log from one moment, or null if there is no such board. Throws CorruptBoardError on bad rows. */
  async loadBoard(boardId: string): Promise<StoredBoard | null> {
    return this.#readMoment(async (trx) => {
      const info = await this.#info(trx).select('snapshot').where('id', '=', boardId).executeTakeFirst();
      if (!info) return null;
      const snapshot = blob(boardId, info.snapshot, 'snapshot');
      return { ...toInfo(boardId, info), snapshot, updates: await this.#log.updates(trx, boardId, 'board') };
    });
  }

  /** What loadBoard would read, as a version (storedVersion.ts); null if there is no such board. */
  storedVersion(boardId: string): Promise<StoredVersion | null> {
    return this.#version(boardId);
  }

  /** Appends one accepted update; durable when the promise resolves. Resolves to its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number> {
    return this.#log.append(boardId, 'board', update, at);
  }

  /**
   * In one transaction: replaces the snapshot and deletes the log rows with seq <= upToSeq (those
   * the snapshot covers); rows appended meanwhile have a higher seq and stay. Bumps the revision.
   */
  async compact(boardId: string, c: Compaction): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.#writeSnapshot(trx, boardId, c)))
        throw new Error(`Cannot compact board ${boardId}: it is not stored`);
      await this.#log.delete(trx, boardId, 'board', c);
      await this.#log.bumpRevision(trx, boardId, 'board', null);
    });
  }

  /** See SnapshotRevisions.ts. */
  snapshotRevision(boardId: string, kind: 'board' | BoardDocumentKind = 'board'): Promise<number> {
    return this.#log.revision(boardId, kind);
  }

  /** See SnapshotRevisions.ts. */
  compactIfCurrent(boardId: string, c: RevisedCompaction): Promise<number | null> {
    return this.#log.compactIfCurrent<BoardTables>(boardId, 'board', c, (trx) => this.#writeSnapshot(trx, boardId, c));
  }

  /** See UnseenUpdates (SnapshotRevisions.ts). */
  unseenUpdates(boardId: string, known: ReadonlySet<number>): Promise<UnseenUpdates> {
    return this.#log.unseen(boardId, 'board', known);
  }

  /** The board's share-link rows, one per role (any order); empty if it has none or does not exist. */
  async loadShareLinks(boardId: string): Promise<readonly ShareLinkRow[]> {
    const rows = await this.#shareLinks.execute({ boardId });
    return rows.map((r) => ({
      role: r.role,
      generation: int(boardId, r.generation, 'share link generation'),
      tokenHash: blob(boardId, r.tokenHash, 'share link hash'),
      sealed: blob(boardId, r.sealed, 'share link secret'),
    }));
  }

  /** Inserts or replaces these rows, keyed by (boardId, role), in one transaction; fails if the board does not exist. */
  async saveShareLinks(boardId: string, rows: readonly ShareLinkRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('share_links')
      .values(rows.map((r) => ({ ...r, boardId })))
      .onConflict((oc) =>
        oc.columns(['boardId', 'role']).doUpdateSet((eb) => ({
          generation: eb.ref('excluded.generation'),
          tokenHash: eb.ref('excluded.tokenHash'),
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
    return this.#readMoment(async (trx) => {
      const info = await this.#info(trx).select('snapshot').where('id', '=', boardId).executeTakeFirst();
      if (!info) return null;
      const log = await this.#log.rows(trx, boardId, 'board');
      return {
        board: { ...toInfo(boardId, info), snapshot: rawBytes(info.snapshot) },
        updates: log.map((u) => ({ at: Number(u.at), update: rawBytes(u.updateData) })),
      };
    });
  }

  #readMoment<T>(read: (trx: Kysely<BoardTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().setIsolationLevel('repeatable read').execute(read);
  }

  /** updatedAt is the later of the last compaction and the last logged update. */
  #info(db: Kysely<BoardTables>) {
    return db.selectFrom('boards').select((eb) => {
      const lastUpdate = eb
        .selectFrom('board_updates as u')
        .select((u) => u.fn.max('u.at').as('at'))
        .whereRef('u.boardId', '=', 'boards.id');
      return [
        'id',
        'title',
        'createdAt',
        this.database.greatest(eb.ref('updatedAt'), eb.fn.coalesce(lastUpdate, sql<number>`0`)).as('updatedAt'),
      ];
    });
  }

  async #writeSnapshot(trx: Kysely<BoardTables>, boardId: string, c: Compaction | RevisedCompaction): Promise<boolean> {
    const result = await trx
      .updateTable('boards')
      .set((eb) => ({
        snapshot: c.snapshot,
        title: c.title,
        updatedAt: this.database.greatest(eb.ref('updatedAt'), sql<number>`${c.at}`),
      }))
      .where('id', '=', boardId)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}

function toInfo(boardId: string, row: { title: unknown; createdAt: unknown; updatedAt: unknown }): BoardInfo {
  return {
    id: boardId,
    title: typeof row.title === 'string' ? row.title : '',
    createdAt: int(boardId, row.createdAt, 'created_at'),
    updatedAt: int(boardId, row.updatedAt, 'updated_at'),
  };
}
