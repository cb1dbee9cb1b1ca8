import type { BoardSnapshot } from '../../shared/index.ts';
import { computeLayout, type BoardLayout } from './layout.ts';

const cache = new WeakMap<BoardSnapshot, BoardLayout>();

/** One layout per snapshot, shared by the canvas, the overlays and the test API. */
export function layoutFor(board: BoardSnapshot): BoardLayout {
  let l = cache.get(board);
  if (!l) {
    l = computeLayout(board);
    cache.set(board, l);
  }
  return l;
}
