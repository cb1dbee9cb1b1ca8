import type { DraftId } from '../../shared/index.ts';
import { contains, type Point } from './geometry.ts';
import type { BoardLayout } from './layout.ts';

/** My private draft under a board point, if any (drafts are hit before notes: they sit on top). */
export function draftAt(layout: BoardLayout, p: Point): DraftId | null {
  for (const [id, r] of layout.drafts) if (contains(r, p)) return id as DraftId;
  return null;
}
