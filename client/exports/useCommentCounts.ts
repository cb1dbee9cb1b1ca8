import { useMemo } from 'react';
import { commentCountsOf } from '../../shared/comments/index.ts';
import type { NoteId } from '../../shared/index.ts';
import { useCommentsSnapshot } from '../board/comments/hooks.ts';

export interface CommentCounts {
  /** Whether the counts come from the comments document (the panel shows "—" otherwise, never 0). */
  readonly included: boolean;
  readonly counts: ReadonlyMap<NoteId, number>;
}

/** Comments per note for the priority list, live from the board's comments document. */
export function useCommentCounts(): CommentCounts {
  const snapshot = useCommentsSnapshot();
  return useMemo(() => ({ included: true, counts: commentCountsOf(snapshot) }), [snapshot]);
}
