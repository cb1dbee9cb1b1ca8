import {
  emotionCurve,
  emotionNotes,
  type BoardSnapshot,
  type CurveGrouping,
  type Draft,
  type Note,
} from '../../shared/index.ts';
import { routeConnectors, routeOrphans, type ConnectorRoute } from '../geometry/connectorRoutes.ts';
import { plotCurve, type PlottedSeries } from '../geometry/curveGeometry.ts';
import { computeLayout, sameArrangement, type BoardLayout } from '../geometry/layout.ts';

interface CurveInputs {
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly emotions: readonly Note[];
  readonly byGrouping: Map<CurveGrouping, PlottedSeries[]>;
}

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
 * One open board's layouts: one per snapshot, shared by the canvas, the overlays and the test
 * API, and the emotion curve plotted on it. Each BoardSession has its own, because my private
 * drafts (private writing, issue 4) take room in their cells on my screen of that board only:
 * every reader of one board's layout must agree on where its notes are, and another board open
 * in the same page must not see them.
 */
export class BoardLayouts {
  private layouts = new WeakMap<BoardSnapshot, BoardLayout>();
  private last: { board: BoardSnapshot; layout: BoardLayout } | null = null;
  private curves = new WeakMap<BoardSnapshot, Map<CurveGrouping, PlottedSeries[]>>();
  private lastCurve: CurveInputs | null = null;
  private myDrafts: readonly Draft[] = [];
  private routes: {
    layout: BoardLayout;
    connectors: BoardSnapshot['connectors'];
    orphans: BoardSnapshot['orphanConnectors'];
    routes: ConnectorRoute[];
  } | null = null;

  /** My private drafts on this board; a change drops the cached layouts and curves. */
  setDrafts(drafts: readonly Draft[]): void {
    if (drafts === this.myDrafts) return;
    this.myDrafts = drafts;
    this.layouts = new WeakMap();
    this.curves = new WeakMap();
    this.last = null;
    this.lastCurve = null;
  }

  get drafts(): readonly Draft[] {
    return this.myDrafts;
  }

  /**
   * The layout of a snapshot. A snapshot that arranges notes like the last one (an edit that moved
   * nothing) gets the same layout object.
   */
  layoutFor(board: BoardSnapshot): BoardLayout {
    let l = this.layouts.get(board);
    if (!l) {
      l = this.last && sameArrangement(this.last.board, board) ? this.last.layout : computeLayout(board, this.myDrafts);
      this.layouts.set(board, l);
      this.last = { board, layout: l };
    }
    return l;
  }

  /**
   * The connectors' routes on a snapshot's layout, orphans' stubs last; the same array while
   * neither changes.
   */
  routesFor(board: BoardSnapshot): readonly ConnectorRoute[] {
    const layout = this.layoutFor(board);
    const r = this.routes;
    if (r && r.layout === layout && r.connectors === board.connectors && r.orphans === board.orphanConnectors)
      return r.routes;
    const routes = [
      ...routeConnectors(board.connectors, layout.notes),
      ...routeOrphans(board.orphanConnectors, layout.notes),
    ];
    this.routes = { layout, connectors: board.connectors, orphans: board.orphanConnectors, routes };
    return routes;
  }

  /**
   * The plotted emotion curve for a snapshot and grouping. An edit to a note that is not on the
   * curve keeps the plotted curve (and its object identity).
   */
  curveFor(board: BoardSnapshot, grouping: CurveGrouping): PlottedSeries[] {
    let byGrouping = this.curves.get(board);
    if (!byGrouping) {
      const layout = this.layoutFor(board);
      const emotions = emotionNotes(board);
      byGrouping =
        this.lastCurve && sameCurve(this.lastCurve, board, layout, emotions) ? this.lastCurve.byGrouping : new Map();
      this.curves.set(board, byGrouping);
      this.lastCurve = { board, layout, emotions, byGrouping };
    }
    let plotted = byGrouping.get(grouping);
    if (!plotted) {
      plotted = plotCurve(this.layoutFor(board), emotionCurve(board, grouping));
      byGrouping.set(grouping, plotted);
    }
    return plotted;
  }
}
