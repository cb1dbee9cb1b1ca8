import type { NoteId } from '../../shared/index.ts';

/**
 * How the export and restore routes reach a board's comments (the `<boardId>/comments` document,
 * built by another feature): ONE injected interface, so the priority list, the board download and
 * its restore never read or write that document themselves. createServer passes an implementation in the HTTP options.
 *
 * `available: false` means this server cannot read comments: the counts are then empty and every
 * export says so (`commentsIncluded: false`, an `X-Journeyboard-Comments-Included: false` header,
 * empty Comments cells), never a made-up 0.
 */
export interface CommentsAccess {
  readonly available: boolean;
  /** Comments per note of the board; notes without comments may be absent. */
  counts(boardId: string): Promise<ReadonlyMap<NoteId, number>>;
  /** The board's comments as the comments feature exports them (JSON-safe), or null. */
  export(boardId: string): Promise<unknown | null>;
  /** Writes exported comments into a (new, empty) board's comments document: a board restored from its download. */
  restore(boardId: string, data: unknown): Promise<void>;
}

/** Until the comments document exists on this server: honest "not available", never fake counts. */
export const COMMENTS_UNAVAILABLE: CommentsAccess = {
  available: false,
  counts: async () => new Map(),
  export: async () => null,
  restore: async () => {
    throw new Error('Comments cannot be imported on this server');
  },
};
