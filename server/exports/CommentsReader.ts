import type { NoteId } from '../../shared/index.ts';

/**
 * How the export routes reach a board's comments (the `<boardId>/comments` document, built by
 * another feature): ONE injected interface, so the priority list and the backup never read that
 * document themselves. createServer passes an implementation in the HTTP options.
 *
 * `available: false` means this server cannot read comments: the counts are then empty and every
 * export says so (`commentsIncluded: false`, an `X-Journeyboard-Comments-Included: false` header,
 * empty Comments cells), never a made-up 0.
 */
export interface CommentsReader {
  readonly available: boolean;
  /** Comments per note of the board; notes without comments may be absent. */
  counts(boardId: string): Promise<ReadonlyMap<NoteId, number>>;
  /** The board's comments as the comments feature exports them (JSON-safe), or null. */
  export(boardId: string): Promise<unknown | null>;
  /** Writes exported comments into a (new, empty) board's comments document. */
  import(boardId: string, data: unknown): Promise<void>;
}

/** Until the comments document exists on this server: honest "not available", never fake counts. */
export const COMMENTS_UNAVAILABLE: CommentsReader = {
  available: false,
  counts: async () => new Map(),
  export: async () => null,
  import: async () => {
    throw new Error('Comments cannot be imported on this server');
  },
};
