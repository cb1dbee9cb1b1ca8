import { emotionCurve, type BoardSnapshot, type CurveGrouping } from '../../shared/index.ts';
import { plotCurve, type PlottedSeries } from './curveGeometry.ts';
import { computeLayout, sameArrangement, type BoardLayout } from './layout.ts';

const cache = new WeakMap<BoardSnapshot, BoardLayout>();
let last: { board: BoardSnapshot; layout: BoardLayout } | null = null;

/**
 * One layout per snapshot, shared by the canvas, the overlays and the test API. A snapshot that
 * arranges notes like the last one (an edit that moved nothing) gets the same layout object.
 */
export function layoutFor(board: BoardSnapshot): BoardLayout {
  let l = cache.get(board);
  if (!l) {
    l = last && sameArrangement(last.board, board) ? last.layout : computeLayout(board);
    cache.set(board, l);
    last = { board, layout: l };
  }
  return l;
}

const curves = new WeakMap<BoardSnapshot, Map<CurveGrouping, PlottedSeries[]>>();

/** The plotted emotion curve for a snapshot and grouping, shared by the canvas, hover and tests. */
export function curveFor(board: BoardSnapshot, grouping: CurveGrouping): PlottedSeries[] {
  let byGrouping = curves.get(board);
  if (!byGrouping) curves.set(board, (byGrouping = new Map()));
  let plotted = byGrouping.get(grouping);
  if (!plotted) byGrouping.set(grouping, (plotted = plotCurve(layoutFor(board), emotionCurve(board, grouping))));
  return plotted;
}
