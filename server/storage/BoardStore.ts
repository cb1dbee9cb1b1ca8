import type { VotingStore } from '../voting/VotingStore.ts';
import type { PrivateWritingStore } from '../privateWriting/PrivateWritingStore.ts';
import type { ActivityStore } from './ActivityStore.ts';
import type { BoardDocumentStore } from './BoardDocumentStore.ts';
import type { CheckpointStore } from './CheckpointStore.ts';
import type { SnapshotRevisionStore } from './SnapshotRevisions.ts';
import type { TemplateStore } from './TemplateStore.ts';
import type { IdentityStore } from '../identity/IdentityStore.ts';
import type { AccountStore } from '../identity/AccountStore.ts';
import type { WorkshopStateStore } from './WorkshopStateStore.ts';

export type { BoardDocumentKind, StoredBoardDocument } from './BoardDocumentStore.ts';
export type { BoardDump, CheckpointInfo, CheckpointKind, StoredCheckpoint } from './CheckpointStore.ts';

/**
 * Where boards live between server runs. One board = one snapshot (a full Yjs state) plus an
 * append-only log of the updates accepted since that snapshot. Loading applies the snapshot, then
 * the log in `seq` order; compaction folds the log into a new snapshot. Checkpoints (version
 * history) are full encoded states beside them.
 *
 * Two implementations, one contract suite (boardStoreContract.ts): SqliteBoardStore (embedded
 * default) and PostgresBoardStore (DATABASE_URL). A client's update is acknowledged only once
 * Persistence's `appendUpdate` of it has resolved (server/persistence/heldAcks.ts), so its
 * promise must resolve only once the row is durable.
 */
export interface BoardStore
  extends CheckpointStore,
    WorkshopStateStore,
    BoardDocumentStore,
    ActivityStore,
    SnapshotRevisionStore {
  /** Stores a new board; fails if the id is taken. */
  createBoard(board: NewBoard): Promise<void>;
  /** The board's row without its data, or null if there is no such board. */
  getBoardInfo(boardId: string): Promise<BoardInfo | null>;
  /** Snapshot and log, or null if there is no such board. Throws CorruptBoardError on bad rows. */
  loadBoard(boardId: string): Promise<StoredBoard | null>;
  /** Appends one accepted update; durable when the promise resolves. Resolves to its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number>;
  /**
   * In one transaction: replaces the snapshot and deletes the log rows with seq <= upToSeq
   * (those the snapshot covers). Rows appended meanwhile have a higher seq and stay.
   */
  compact(boardId: string, compaction: Compaction): Promise<void>;
  close(): Promise<void>;

  // ---- share links (issue 3: roles and tokens; see server/access/shareTokens.ts) ----
  /** The board's share-link rows, one per role (any order); empty if it has none or does not exist. */
  loadShareLinks(boardId: string): Promise<readonly ShareLinkRow[]>;
  /**
   * Inserts or replaces these rows, keyed by (boardId, role), in one transaction. Fails if the
   * board does not exist. Deleting a board deletes its rows.
   */
  saveShareLinks(boardId: string, rows: readonly ShareLinkRow[]): Promise<void>;
  /** Every board's info (as getBoardInfo), most recently updated first; for the admin listing. */
  listBoards(): Promise<readonly BoardInfo[]>;

  /** Boards saved as templates (issue 8), in the same database: TemplateStore.ts. */
  readonly templates: TemplateStore;
  /** People the server issued a credential to (server/identity/). */
  readonly identities: IdentityStore;
  /** Company sign-in: signed-in people, sessions, boards joined (server/identity/AccountStore.ts). */
  readonly accounts: AccountStore;
  // ---- voting (issue 4): rounds and secret ballots, tables of their own (server/voting/) ----
  readonly voting: VotingStore;
  /** Private writing (issue 4): phases and drafts, tables of their own (server/privateWriting/). */
  readonly privateWriting: PrivateWritingStore;
}

/** One role's share link as stored: never the token itself (see server/access/shareTokens.ts). */
export interface ShareLinkRow {
  readonly role: 'facilitator' | 'editor' | 'commenter' | 'viewer';
  /** Bumped by each rotation; part of the token derivation. */
  readonly generation: number;
  /** sha256 of the token, 32 bytes. */
  readonly tokenHash: Uint8Array;
  /** The role's level secret sealed under the token, 32 bytes. */
  readonly sealed: Uint8Array;
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
