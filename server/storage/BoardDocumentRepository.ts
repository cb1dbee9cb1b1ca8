import type { StatementSync } from 'node:sqlite';
import type { Generated, Kysely } from 'kysely';
import { type BoardTables, bumpRevision, loggedUpdate, readRevision } from './BoardRepository.ts';
import type { BoardDocumentKind } from './BoardStore.ts';
import type { Database } from './database.ts';
import { blob, int } from './rows.ts';
import type { RevisedDocumentCompaction, UnseenUpdates } from './SnapshotRevisions.ts';
import { documentVersionQuery, type StoredVersion } from './storedVersion.ts';

interface BoardDocumentTables {
  board_documents: { board_id: string; kind: BoardDocumentKind; updated_at: number; snapshot: Uint8Array };
  board_document_updates: {
    seq: Generated<number>;
    board_id: string;
    kind: BoardDocumentKind;
    at: number;
    update_data: Uint8Array;
  };
}

type Tables = BoardDocumentTables & BoardTables;

export interface StoredBoardDocument {
  /** null while only log rows exist (never compacted yet). */
  readonly snapshot: Uint8Array | null;
  /** In seq order; seq numbers are their own sequence, separate from the board's log. */
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[];
}

/**
 * A board's other documents (tables: migrations/0007_boardDocuments.ts). Each is stored like the
 * board itself, with the same guarantees: a snapshot plus an append-only update log, appended
 * before the client's update is acknowledged, compacted into the snapshot in one transaction.
 *
 * They live in their own two tables keyed by (board id, kind), not in `boards`: the board
 * listings, the admin list, share links and checkpoints keep meaning "boards", a board's deletion
 * cascades to its documents, and a backup carries them inside the board's dump. A document that
 * was never written has no row: it loads as empty (the server then initialises it).
 */
export class BoardDocumentRepository {
  readonly #database: Database;
  readonly #db: Kysely<Tables>;
  /** SQLite: appended directly, like BoardRepository's update log (see there). */
  readonly #insertUpdate: StatementSync | null;
  readonly #version: (boardId: string, kind: BoardDocumentKind) => Promise<StoredVersion | null>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<Tables>();
    this.#version = documentVersionQuery(database);
    this.#insertUpdate =
      database.sqlite?.prepare(
        'INSERT INTO board_document_updates (board_id, kind, at, update_data) VALUES (?, ?, ?, ?)',
      ) ?? null;
  }

  /** What loadBoardDocument would read, as a version (storedVersion.ts); null if there is no such board. */
  storedVersion(boardId: string, kind: BoardDocumentKind): Promise<StoredVersion | null> {
    return this.#version(boardId, kind);
  }

  /**
   * The stored document, read in one transaction; `{ snapshot: null, updates: [] }` for a board
   * whose document was never written; null when the board itself does not exist.
   */
  async loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null> {
    return this.#database.transaction<Tables, StoredBoardDocument | null>(async (trx) => {
      if (!(await trx.selectFrom('boards').select('id').where('id', '=', boardId).executeTakeFirst())) return null;
      const row = await trx
        .selectFrom('board_documents')
        .select('snapshot')
        .where('board_id', '=', boardId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      const rows = await trx
        .selectFrom('board_document_updates')
        .select(['seq', 'update_data'])
        .where('board_id', '=', boardId)
        .where('kind', '=', kind)
        .orderBy('seq')
        .execute();
      return {
        snapshot: row ? blob(boardId, row.snapshot, `${kind} snapshot`) : null,
        updates: rows.map((r) => loggedUpdate(boardId, r, `${kind} update`)),
      };
    }, 'repeatable read');
  }

  /** BoardRepository.unseenUpdates for one of the board's other documents. */
  async unseenDocumentUpdates(
    boardId: string,
    kind: BoardDocumentKind,
    known: ReadonlySet<number>,
  ): Promise<UnseenUpdates> {
    return this.#database.transaction<Tables, UnseenUpdates>(async (trx) => {
      const revision = await readRevision(trx, boardId, kind);
      const of = () =>
        trx.selectFrom('board_document_updates').where('board_id', '=', boardId).where('kind', '=', kind);
      const rows = await of().select('seq').execute();
      const unseen = rows.map((r) => int(boardId, r.seq, 'seq')).filter((seq) => !known.has(seq));
      if (unseen.length === 0) return { revision, updates: [] };
      const updates = await of()
        .select(['seq', 'update_data', 'at'])
        .where('seq', 'in', unseen)
        .orderBy('seq')
        .execute();
      return {
        revision,
        updates: updates.map((r) => ({ ...loggedUpdate(boardId, r, `${kind} update`), at: int(boardId, r.at, 'at') })),
      };
    }, 'repeatable read');
  }

  /** Appends one accepted update; durable when it resolves; fails if the board does not exist. */
  appendBoardDocumentUpdate(boardId: string, kind: BoardDocumentKind, update: Uint8Array, at: number): Promise<number> {
    if (this.#insertUpdate && !this.#database.sqlite?.isTransaction) {
      try {
        return Promise.resolve(Number(this.#insertUpdate.run(boardId, kind, at, update).lastInsertRowid));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#db
      .insertInto('board_document_updates')
      .values({ board_id: boardId, kind, at, update_data: update })
      .returning('seq')
      .executeTakeFirstOrThrow()
      .then((row) => int(boardId, row.seq, 'seq'));
  }

  /**
   * In one transaction: writes the snapshot (creating the row) and deletes log rows with seq <= upToSeq.
   * Bumps the revision, as the board's `compact` does, so storedVersion moves with every snapshot.
   */
  async compactBoardDocument(
    boardId: string,
    kind: BoardDocumentKind,
    c: { readonly snapshot: Uint8Array; readonly upToSeq: number; readonly at: number },
  ): Promise<void> {
    await this.#database.transaction<Tables, void>(async (trx) => {
      await this.#writeSnapshot(trx, boardId, kind, c);
      await trx
        .deleteFrom('board_document_updates')
        .where('board_id', '=', boardId)
        .where('kind', '=', kind)
        .where('seq', '<=', c.upToSeq)
        .execute();
      await bumpRevision(trx, boardId, kind, null);
    });
  }

  /** See SnapshotRevisions.ts. */
  async compactBoardDocumentIfCurrent(
    boardId: string,
    kind: BoardDocumentKind,
    c: RevisedDocumentCompaction,
  ): Promise<number | null> {
    return this.#database.transaction<Tables, number | null>(async (trx) => {
      const revision = await bumpRevision(trx, boardId, kind, c.expectedRevision);
      if (revision === null) return null;
      await this.#writeSnapshot(trx, boardId, kind, c);
      if (c.seqs.length > 0)
        await trx
          .deleteFrom('board_document_updates')
          .where('board_id', '=', boardId)
          .where('kind', '=', kind)
          .where('seq', 'in', c.seqs)
          .execute();
      return revision;
    });
  }

  async #writeSnapshot(
    trx: Kysely<Tables>,
    boardId: string,
    kind: BoardDocumentKind,
    c: { snapshot: Uint8Array; at: number },
  ): Promise<void> {
    await trx
      .insertInto('board_documents')
      .values({ board_id: boardId, kind, updated_at: c.at, snapshot: c.snapshot })
      .onConflict((oc) =>
        oc.columns(['board_id', 'kind']).doUpdateSet((eb) => ({
          snapshot: eb.ref('excluded.snapshot'),
          updated_at: this.#database.greatest(eb.ref('board_documents.updated_at'), eb.ref('excluded.updated_at')),
        })),
      )
      .execute();
  }
}
