import type { StatementSync } from 'node:sqlite';
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { BoardDocumentKind, LoggedUpdate } from './BoardStore.ts';
import type { Database } from './database.ts';
import { blob, int } from './rows.ts';
import type { UnseenUpdates } from './SnapshotRevisions.ts';

/** Whose log: the board's own or one of its other documents' (its comments). */
export type LogKind = 'board' | BoardDocumentKind;

interface LogRow {
  seq: Generated<number>;
  boardId: string;
  /** Only in `board_document_updates`: nothing here writes or filters it for the board's own log. */
  kind: ColumnType<BoardDocumentKind, BoardDocumentKind | undefined, never>;
  at: number;
  updateData: Uint8Array;
}

/** The tables as the camelCase query builder names them (migrations/0001_boards.ts, 0007_boardDocuments.ts). */
export interface LogTables {
  boards: { id: string };
  board_updates: LogRow;
  board_document_updates: LogRow;
  board_snapshot_revisions: { boardId: string; kind: string; revision: number };
}

/** A repository's builder or transaction, over its own tables and the log's (named so TypeScript infers `DB`). */
type Builder<DB extends LogTables> = Kysely<DB> | Transaction<DB>;

/**
 * The append-only update logs of a board and of its other documents, and their snapshot
 * revisions (SnapshotRevisions.ts): what BoardRepository and BoardDocumentRepository share, each
 * keeping its own snapshot rows. Queries that must see one moment take the caller's transaction.
 */
export class UpdateLog {
  readonly #database: Database;
  readonly #db: Kysely<LogTables>;
  /**
   * SQLite: the hot path (one row per accepted update) runs these prepared statements directly,
   * committed before `append` returns, without Kysely's compile and promise steps; the row is
   * durable even if nobody awaits it. Inside a transaction it waits its turn through Kysely instead.
   */
  readonly #insert: Readonly<Record<'board' | 'document', StatementSync>> | null;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.camelCase<LogTables>();
    const sqlite = database.sqlite;
    this.#insert = sqlite && {
      board: sqlite.prepare('INSERT INTO board_updates (board_id, at, update_data) VALUES (?, ?, ?)'),
      document: sqlite.prepare(
        'INSERT INTO board_document_updates (board_id, kind, at, update_data) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /** Appends one accepted update; durable when the promise resolves. Resolves to its sequence number. */
  append(boardId: string, kind: LogKind, update: Uint8Array, at: number): Promise<number> {
    if (this.#insert && !this.#database.sqlite?.isTransaction) {
      try {
        const { lastInsertRowid } =
          kind === 'board'
            ? this.#insert.board.run(boardId, at, update)
            : this.#insert.document.run(boardId, kind, at, update);
        return Promise.resolve(Number(lastInsertRowid));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#db
      .insertInto(tableOf(kind))
      .values({ boardId, at, updateData: update, kind: kind === 'board' ? undefined : kind })
      .returning('seq')
      .executeTakeFirstOrThrow()
      .then((r) => int(boardId, r.seq, 'seq'));
  }

  /** The log rows as stored, in seq order; with `seqs`, only those. */
  rows<DB extends LogTables>(trx: Builder<DB>, boardId: string, kind: LogKind, seqs?: readonly number[]) {
    let query = this.#of(trx, boardId, kind).select(['seq', 'at', 'updateData']);
    if (seqs) query = query.where('seq', 'in', seqs);
    return query.orderBy('seq').execute();
  }

  /** The log, checked (a bad row is a CorruptBoardError). */
  async updates<DB extends LogTables>(trx: Builder<DB>, boardId: string, kind: LogKind): Promise<LoggedUpdate[]> {
    return (await this.rows(trx, boardId, kind)).map((r) => checked(boardId, kind, r));
  }

  /** See UnseenUpdates (SnapshotRevisions.ts). */
  unseen(boardId: string, kind: LogKind, known: ReadonlySet<number>): Promise<UnseenUpdates> {
    return this.#db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const revision = await this.revision(boardId, kind, trx);
        const seqs = (await this.#of(trx, boardId, kind).select('seq').execute()).map((r) =>
          int(boardId, r.seq, 'seq'),
        );
        const unseen = seqs.filter((seq) => !known.has(seq));
        if (unseen.length === 0) return { revision, updates: [] };
        const rows = await this.rows(trx, boardId, kind, unseen);
        return { revision, updates: rows.map((r) => ({ ...checked(boardId, kind, r), at: int(boardId, r.at, 'at') })) };
      });
  }

  /** Deletes the rows a new snapshot contains: those with seq <= `upToSeq`, or exactly `seqs`. */
  async delete<DB extends LogTables>(
    db: Builder<DB>,
    boardId: string,
    kind: LogKind,
    which: { readonly upToSeq: number } | { readonly seqs: readonly number[] },
  ): Promise<void> {
    if ('seqs' in which && which.seqs.length === 0) return;
    let query = logTables(db).deleteFrom(tableOf(kind)).where('boardId', '=', boardId);
    if (kind !== 'board') query = query.where('kind', '=', kind);
    await ('seqs' in which ? query.where('seq', 'in', which.seqs) : query.where('seq', '<=', which.upToSeq)).execute();
  }

  /**
   * SnapshotRevisions.ts: in one transaction, bumps the revision if it is still `expectedRevision`,
   * then writes the snapshot and deletes exactly `seqs`. The new revision, or null (nothing written).
   */
  compactIfCurrent<Tables extends LogTables>(
    boardId: string,
    kind: LogKind,
    c: { readonly expectedRevision: number; readonly seqs: readonly number[] },
    writeSnapshot: (trx: Kysely<Tables>) => Promise<unknown>,
  ): Promise<number | null> {
    return (this.#db as unknown as Kysely<Tables>).transaction().execute(async (trx) => {
      const revision = await this.bumpRevision(trx, boardId, kind, c.expectedRevision);
      if (revision === null) return null; // nothing written: the transaction commits empty
      await writeSnapshot(trx);
      await this.delete(trx, boardId, kind, c);
      return revision;
    });
  }

  /** The stored snapshot revision of the board or one of its documents; 0 before the first compaction. */
  async revision(boardId: string, kind: LogKind, db: Kysely<LogTables> = this.#db): Promise<number> {
    const row = await db
      .selectFrom('board_snapshot_revisions')
      .select('revision')
      .where((eb) => eb.and({ boardId, kind }))
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
  async bumpRevision<DB extends LogTables>(
    db: Builder<DB>,
    boardId: string,
    kind: LogKind,
    expected: number | null,
  ): Promise<number | null> {
    const trx = logTables(db);
    const board = await trx.selectFrom('boards').select('id').where('id', '=', boardId).executeTakeFirst();
    if (!board) throw new Error(`Cannot compact board ${boardId}: it is not stored`);
    const insert = trx.insertInto('board_snapshot_revisions').values({ boardId, kind, revision: 1 });
    const row =
      expected === null
        ? await insert
            .onConflict((oc) =>
              oc
                .columns(['boardId', 'kind'])
                .doUpdateSet((eb) => ({ revision: eb('board_snapshot_revisions.revision', '+', 1) })),
            )
            .returning('revision')
            .executeTakeFirst()
        : expected === 0
          ? await insert
              .onConflict((oc) => oc.columns(['boardId', 'kind']).doNothing())
              .returning('revision')
              .executeTakeFirst()
          : await trx
              .updateTable('board_snapshot_revisions')
              .set((eb) => ({ revision: eb('revision', '+', 1) }))
              .where('boardId', '=', boardId)
              .where('kind', '=', kind)
              .where('revision', '=', expected)
              .returning('revision')
              .executeTakeFirst();
    return row ? int(boardId, row.revision, 'snapshot revision') : null;
  }

  #of<DB extends LogTables>(db: Builder<DB>, boardId: string, kind: LogKind) {
    const query = logTables(db).selectFrom(tableOf(kind)).where('boardId', '=', boardId);
    return kind === 'board' ? query : query.where('kind', '=', kind);
  }
}

/** A repository's builder (or transaction) over its tables and the log's, seen as the log's. */
function logTables<DB extends LogTables>(db: Builder<DB>): Kysely<LogTables> {
  return db as unknown as Kysely<LogTables>;
}

function tableOf(kind: LogKind): 'board_updates' | 'board_document_updates' {
  return kind === 'board' ? 'board_updates' : 'board_document_updates';
}

/** A log row as read, checked: `update 3` of the board, `comments update 3` of its comments. */
function checked(boardId: string, kind: LogKind, row: { seq: unknown; updateData: unknown }): LoggedUpdate {
  const what = kind === 'board' ? 'update' : `${kind} update`;
  return { seq: int(boardId, row.seq, 'seq'), update: blob(boardId, row.updateData, `${what} ${String(row.seq)}`) };
}
