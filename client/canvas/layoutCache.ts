import { emotionCurve, type BoardSnapshot, type CurveGrouping, type Draft } from '../../shared/index.ts';
import { plotCurve, type PlottedSeries } from './curveGeometry.ts';
import { computeLayout, type BoardLayout } from './layout.ts';

let cache = new WeakMap<BoardSnapshot, BoardLayout>();
let myDrafts: readonly Draft[] = [];

/**
 * My private drafts take room in their cells on my screen only (private writing, issue 4). Every
 * reader of the layout (canvas, overlays, test API) must agree on where notes are, so the drafts
 * are part of this one cache rather than of the canvas alone; a change drops the cached layouts.
 */
export function setLayoutDrafts(drafts: readonly Draft[]): void {
  if (drafts === myDrafts) return;
  myDrafts = drafts;
  cache = new WeakMap();
  curves = new WeakMap();
}

/** One layout per snapshot, shared by the canvas, the overlays and the test API. */
export function layoutFor(board: BoardSnapshot): BoardLayout {
  let l = cache.get(board);
  if (!l) {
    l = computeLayout(board, myDrafts);
    cache.set(board, l);
  }
  return l;
}

let curves = new WeakMap<BoardSnapshot, Map<CurveGrouping, PlottedSeries[]>>();

/** The plotted emotion curve for a snapshot and grouping, shared by the canvas, hover and tests. */
export function curveFor(board: BoardSnapshot, grouping: CurveGrouping): PlottedSeries[] {
  let byGrouping = curves.get(board);
  if (!byGrouping) curves.set(board, (byGrouping = new Map()));
  let plotted = byGrouping.get(grouping);
  if (!plotted) byGrouping.set(grouping, (plotted = plotCurve(layoutFor(board), emotionCurve(board, grouping))));
  return plotted;
}
