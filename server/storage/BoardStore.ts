/**
 * Where boards live between server runs. One board = one snapshot (a full Yjs state) plus an
 * append-only log of the updates accepted since that snapshot. Loading applies the snapshot, then
 * the log in `seq` order; compaction folds the log into a new snapshot.
 *
 * Everything is async so that a PostgreSQL implementation fits, except `appendUpdate`: it runs
 * inside the Y.Doc `update` event, before Hocuspocus acknowledges the edit to the client, so it
 * must be durable when it returns (SQLite's DatabaseSync is). A store that can only append
 * asynchronously has to do it from `beforeHandleMessage` instead (see docs/api.md, persistence).
 */
export interface BoardStore {
  /** Stores a new board; fails if the id is taken. */
  createBoard(board: NewBoard): Promise<void>;
  /** The board's row without its data, or null if there is no such board. */
  getBoardInfo(boardId: string): Promise<BoardInfo | null>;
  /** Snapshot and log, or null if there is no such board. Throws CorruptBoardError on bad rows. */
  loadBoard(boardId: string): Promise<StoredBoard | null>;
  /** Appends one accepted update; durable on return. Returns its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array, at: number): number;
  /**
   * In one transaction: replaces the snapshot and deletes the log rows with seq <= upToSeq
   * (those the snapshot covers). Rows appended meanwhile have a higher seq and stay.
   */
  compact(boardId: string, compaction: Compaction): Promise<void>;
  close(): Promise<void>;
}

export interface BoardInfo {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  /** The later of the last compaction and the last logged update. */
  readonly updatedAt: number;
}

export interface NewBoard {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly snapshot: Uint8Array;
}

export interface LoggedUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
}

export interface StoredBoard extends BoardInfo {
  readonly snapshot: Uint8Array;
  /** In seq order. */
  readonly updates: readonly LoggedUpdate[];
}

export interface Compaction {
  readonly snapshot: Uint8Array;
  /** Denormalised from the document so listings need not decode it. */
  readonly title: string;
  readonly upToSeq: number;
  readonly at: number;
}

/** A board whose stored data cannot be read. Other boards are unaffected. */
export class CorruptBoardError extends Error {
  readonly boardId: string;
  constructor(boardId: string, detail: string, options?: ErrorOptions) {
    super(`Board ${boardId} cannot be read: ${detail}`, options);
    this.name = 'CorruptBoardError';
    this.boardId = boardId;
  }
}
