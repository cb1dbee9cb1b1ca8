import type { Kysely } from 'kysely';
import type { BoardDocumentKind } from './BoardStore.ts';
import { Repository } from './Repository.ts';
import { blob } from './rows.ts';
import type { RevisedDocumentCompaction, UnseenUpdates } from './SnapshotRevisions.ts';
import { documentVersionQuery, type StoredVersion } from './storedVersion.ts';
import { type LogTables, UpdateLog } from './UpdateLog.ts';

/** The table as the camelCase query builder names it (migrations/0007_boardDocuments.ts); the log's are UpdateLog's. */
type Tables = LogTables & {
  board_documents: { boardId: string; kind: BoardDocumentKind; updatedAt: number; snapshot: Uint8Array };
};

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
export class BoardDocumentRepository extends Repository<Tables> {
  readonly #log = new UpdateLog(this.database);
  readonly #version = documentVersionQuery(this.database);

  /** What loadBoardDocument would read, as a version (storedVersion.ts); null if there is no such board. */
  storedVersion(boardId: string, kind: BoardDocumentKind): Promise<StoredVersion | null> {
    return this.#version(boardId, kind);
  }

  /**
   * The stored document, read in one transaction; `{ snapshot: null, updates: [] }` for a board
   * whose document was never written; null when the board itself does not exist.
   */
  async loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        if (!(await trx.selectFrom('boards').select('id').where('id', '=', boardId).executeTakeFirst())) return null;
        const row = await trx
          .selectFrom('board_documents')
          .select('snapshot')
          .where((eb) => eb.and({ boardId, kind }))
          .executeTakeFirst();
        const snapshot = row ? blob(boardId, row.snapshot, `${kind} snapshot`) : null;
        return { snapshot, updates: await this.#log.updates(trx, boardId, kind) };
      });
  }

  /** BoardRepository.unseenUpdates for one of the board's other documents. */
  unseenDocumentUpdates(boardId: string, kind: BoardDocumentKind, known: ReadonlySet<number>): Promise<UnseenUpdates> {
    return this.#log.unseen(boardId, kind, known);
  }

  /** Appends one accepted update; durable when it resolves; fails if the board does not exist. */
  appendBoardDocumentUpdate(boardId: string, kind: BoardDocumentKind, update: Uint8Array, at: number): Promise<number> {
    return this.#log.append(boardId, kind, update, at);
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
    await this.db.transaction().execute(async (trx) => {
      await this.#writeSnapshot(trx, boardId, kind, c);
      await this.#log.delete(trx, boardId, kind, c);
      await this.#log.bumpRevision(trx, boardId, kind, null);
    });
  }

  /** See SnapshotRevisions.ts. */
  compactBoardDocumentIfCurrent(
    boardId: string,
    kind: BoardDocumentKind,
    c: RevisedDocumentCompaction,
  ): Promise<number | null> {
    return this.#log.compactIfCurrent<Tables>(boardId, kind, c, (trx) => this.#writeSnapshot(trx, boardId, kind, c));
  }

  async #writeSnapshot(
    trx: Kysely<Tables>,
    boardId: string,
    kind: BoardDocumentKind,
    c: { snapshot: Uint8Array; at: number },
  ): Promise<void> {
    await trx
      .insertInto('board_documents')
      .values({ boardId, kind, updatedAt: c.at, snapshot: c.snapshot })
      .onConflict((oc) =>
        oc.columns(['boardId', 'kind']).doUpdateSet((eb) => ({
          snapshot: eb.ref('excluded.snapshot'),
          updatedAt: this.database.greatest(eb.ref('board_documents.updatedAt'), eb.ref('excluded.updatedAt')),
        })),
      )
      .execute();
  }
}
