import type { RevisedDocumentCompaction, UnseenUpdates } from './SnapshotRevisions.ts';

/**
 * A board's other documents (today only its comments, `<boardId>/comments`). Each is stored like
 * the board itself, with the same guarantees: a snapshot plus an append-only update log, appended
 * before the client's update is acknowledged, compacted into the snapshot in one transaction.
 *
 * They live in their own two tables keyed by (board id, kind), not in `boards`: the board
 * listings, the admin list, share links and checkpoints keep meaning "boards", a board's deletion
 * cascades to its documents, and a backup carries them inside the board's dump. A document that
 * was never written has no row: it loads as empty (the server then initialises it).
 */
export type BoardDocumentKind = 'comments';

export interface StoredBoardDocument {
  /** null while only log rows exist (never compacted yet). */
  readonly snapshot: Uint8Array | null;
  /** In seq order; seq numbers are their own sequence, separate from the board's log. */
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[];
}

export interface BoardDocumentCompaction {
  readonly snapshot: Uint8Array;
  readonly upToSeq: number;
  readonly at: number;
}

export interface BoardDocumentStore {
  /**
   * The stored document, read in one transaction; `{ snapshot: null, updates: [] }` for a board
   * whose document was never written; null when the board itself does not exist.
   */
  loadBoardDocument(boardId: string, kind: BoardDocumentKind): Promise<StoredBoardDocument | null>;
  /** BoardRepository.unseenUpdates for one of the board's other documents. */
  unseenDocumentUpdates(boardId: string, kind: BoardDocumentKind, known: ReadonlySet<number>): Promise<UnseenUpdates>;
  /** Appends one accepted update; durable when it resolves; fails if the board does not exist. */
  appendBoardDocumentUpdate(boardId: string, kind: BoardDocumentKind, update: Uint8Array, at: number): Promise<number>;
  /** In one transaction: writes the snapshot (creating the row) and deletes log rows with seq <= upToSeq. */
  compactBoardDocument(boardId: string, kind: BoardDocumentKind, compaction: BoardDocumentCompaction): Promise<void>;
  /** See SnapshotRevisions.ts. */
  compactBoardDocumentIfCurrent(
    boardId: string,
    kind: BoardDocumentKind,
    c: RevisedDocumentCompaction,
  ): Promise<number | null>;
}
