import type { NoteId } from '../../shared/index.ts';

export interface CommentCounts {
  /** False until the comments document is wired in: the panel then shows "—", never 0. */
  readonly included: boolean;
  readonly counts: ReadonlyMap<NoteId, number>;
}

const NONE: CommentCounts = { included: false, counts: new Map() };

/**
 * Comments per note for the priority list. The comments document (`<boardId>/comments`) is built
 * by another feature; when it lands, this hook subscribes to it (`commentCountsByNote(doc)`), and
 * nothing else in the panel changes.
 */
export function useCommentCounts(): CommentCounts {
  return NONE;
}
