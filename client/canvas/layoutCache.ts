import {
  emotionCurve,
  emotionNotes,
  type BoardSnapshot,
  type CurveGrouping,
  type Draft,
  type Note,
} from '../../shared/index.ts';
import { plotCurve, type PlottedSeries } from './curveGeometry.ts';
import { computeLayout, sameArrangement, type BoardLayout } from './layout.ts';

let cache = new WeakMap<BoardSnapshot, BoardLayout>();
let last: { board: BoardSnapshot; layout: BoardLayout } | null = null;
let myDrafts: readonly Draft[] = [];

/**
 * My private drafts take room in their cells on my screen only. Every
 * reader of the layout (canvas, overlays, test API) must agree on where notes are, so the drafts
 * are part of this one cache rather than of the canvas alone; a change drops the cached layouts.
 */
export function setLayoutDrafts(drafts: readonly Draft[]): void {
  if (drafts === myDrafts) return;
  myDrafts = drafts;
  cache = new WeakMap();
  curves = new WeakMap();
  last = null;
  lastCurve = null;
}

/**
 * One layout per snapshot, shared by the canvas, the overlays and the test API. A snapshot that
 * arranges notes like the last one (an edit that moved nothing) gets the same layout object.
 */
export function layoutFor(board: BoardSnapshot): BoardLayout {
  let l = cache.get(board);
  if (!l) {
    l = last && sameArrangement(last.board, board) ? last.layout : computeLayout(board, myDrafts);
    cache.set(board, l);
    last = { board, layout: l };
  }
  return l;
}

let curves = new WeakMap<BoardSnapshot, Map<CurveGrouping, PlottedSeries[]>>();
interface CurveInputs {
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly emotions: readonly Note[];
  readonly byGrouping: Map<CurveGrouping, PlottedSeries[]>;
}
let lastCurve: CurveInputs | null = null;

/** Whether the curve of `b` is the one already plotted for `a`: same layout, stages, personas and emotion notes. */
function sameCurve(a: CurveInputs, board: BoardSnapshot, layout: BoardLayout, emotions: readonly Note[]): boolean {
  return (
    a.layout === layout &&
    a.board.stages === board.stages &&
    a.board.personas === board.personas &&
    a.emotions.length === emotions.length &&
    a.emotions.every((n, i) => n === emotions[i])
  );
}

/**
 * The plotted emotion curve for a snapshot and grouping, shared by the canvas, hover and tests.
 * An edit to a note that is not on the curve keeps the plotted curve (and its object identity).
 */
export function curveFor(board: BoardSnapshot, grouping: CurveGrouping): PlottedSeries[] {
  let byGrouping = curves.get(board);
  if (!byGrouping) {
    const layout = layoutFor(board);
    const emotions = emotionNotes(board);
    byGrouping = lastCurve && sameCurve(lastCurve, board, layout, emotions) ? lastCurve.byGrouping : new Map();
    curves.set(board, byGrouping);
    lastCurve = { board, layout, emotions, byGrouping };
  }
  let plotted = byGrouping.get(grouping);
  if (!plotted) {
    plotted = plotCurve(layoutFor(board), emotionCurve(board, grouping));
    byGrouping.set(grouping, plotted);
  }
  return plotted;
}
