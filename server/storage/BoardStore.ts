// The rows of a board as the repositories hand them out (BoardRepository.ts).

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

/** A board's other documents: today only its comments, `<boardId>/comments` (BoardDocumentRepository.ts). */
export type BoardDocumentKind = 'comments';

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
