import type { Connector, ConnectorId, NoteId } from '../../shared/index.ts';
import type { Point, Rect } from './geometry.ts';
import { GAP } from './layout.ts';

/** A connector's path on the board: an orthogonal polyline ending at the target note's edge. */
export interface ConnectorRoute {
  readonly id: ConnectorId;
  readonly points: readonly Point[];
  /** Where its label sits: the middle of its longest segment. */
  readonly labelAt: Point;
  /** Its bounding box, for culling and hit-testing. */
  readonly box: Rect;
  /** An orphan's stub: which end lost its note (drawn dashed, ending loose). */
  readonly loose?: 'from' | 'to';
}

/** How far from a note's edge a route runs: the middle of the gap between two notes. */
const GUTTER = GAP / 2;

/**
 * An orthogonal route from note `a` to note `b` that runs in the gaps between notes.
 *
 * Why this and not a general router (elkjs, libavoid): notes sit on a grid whose gaps are free
 * by construction. Every lane of a stage has the same columns, and every stage puts a lane's
 * rows at the same heights (layout.ts), so the vertical gap beside a note is free down the whole
 * stage and the horizontal gap above or below a row is free across the whole board. A route that
 * leaves `a` sideways into its column gap, runs along it to the row gap beside `b`, then along
 * that gap to above (or below) `b` and into it, crosses no note, in constant time per connector.
 */
export function routeBetween(a: Rect, b: Rect): Point[] {
  const acx = a.x + a.width / 2;
  const acy = a.y + a.height / 2;
  const bcx = b.x + b.width / 2;
  const rightward = bcx >= acx;
  const start = { x: rightward ? a.x + a.width : a.x, y: acy };
  const column = rightward ? start.x + GUTTER : start.x - GUTTER;
  // Enter from above when b is lower than a or on its row; from below when it is higher.
  const fromAbove = b.y >= a.y;
  const edge = fromAbove ? b.y : b.y + b.height;
  const row = fromAbove ? edge - GUTTER : edge + GUTTER;
  return [start, { x: column, y: acy }, { x: column, y: row }, { x: bcx, y: row }, { x: bcx, y: edge }];
}

export function routeOf(id: ConnectorId, points: readonly Point[]): ConnectorRoute {
  let longest = 0;
  let labelAt = points[0]!;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    const length = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    if (length > longest) {
      longest = length;
      labelAt = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    }
  }
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { id, points, labelAt, box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } };
}

/** How far an orphan's stub reaches out of its remaining note. */
const STUB = 56;

/**
 * Stubs for orphans (an end deleted concurrently), so they are seen and can be picked for repair:
 * out of the remaining note's right edge when the arrow started there, into its left edge when it
 * pointed at it. Like a route, a stub runs in the gaps (the column gap beside the note, then the
 * row gap above it), never over a neighbour. An orphan with neither note left has nothing to
 * start from: the outline lists it.
 */
export function routeOrphans(orphans: readonly Connector[], notes: ReadonlyMap<NoteId, Rect>): ConnectorRoute[] {
  const routes: ConnectorRoute[] = [];
  for (const c of orphans) {
    const a = notes.get(c.from);
    const b = notes.get(c.to);
    if (a && !b) {
      const [x, y, column, row] = [a.x + a.width, a.y + a.height / 2, a.x + a.width + GUTTER, a.y - GUTTER];
      const points = [
        { x, y },
        { x: column, y },
        { x: column, y: row },
        { x: column + STUB, y: row },
      ];
      routes.push({ ...routeOf(c.id, points), loose: 'to' });
    } else if (b && !a) {
      const [x, y, column, row] = [b.x, b.y + b.height / 2, b.x - GUTTER, b.y - GUTTER];
      const points = [
        { x: column - STUB, y: row },
        { x: column, y: row },
        { x: column, y },
        { x, y },
      ];
      routes.push({ ...routeOf(c.id, points), loose: 'from' });
    }
  }
  return routes;
}

/** The routes of every connector whose two notes are laid out (orphans: routeOrphans). */
export function routeConnectors(connectors: readonly Connector[], notes: ReadonlyMap<NoteId, Rect>): ConnectorRoute[] {
  const routes: ConnectorRoute[] = [];
  for (const c of connectors) {
    const a = notes.get(c.from);
    const b = notes.get(c.to);
    if (a && b) routes.push(routeOf(c.id, routeBetween(a, b)));
  }
  return routes;
}

/** The connector whose path passes within `tolerance` of `p` (the nearest), or null. */
export function connectorAt(routes: readonly ConnectorRoute[], p: Point, tolerance: number): ConnectorId | null {
  let best: ConnectorId | null = null;
  let bestDistance = tolerance;
  for (const r of routes) {
    const { box } = r;
    if (
      p.x < box.x - tolerance ||
      p.x > box.x + box.width + tolerance ||
      p.y < box.y - tolerance ||
      p.y > box.y + box.height + tolerance
    )
      continue;
    for (let i = 1; i < r.points.length; i++) {
      const d = distanceToSegment(p, r.points[i - 1]!, r.points[i]!);
      if (d <= bestDistance) {
        bestDistance = d;
        best = r.id;
      }
    }
  }
  return best;
}

/** Distance from `p` to an axis-parallel segment. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const x = Math.max(Math.min(a.x, b.x), Math.min(p.x, Math.max(a.x, b.x)));
  const y = Math.max(Math.min(a.y, b.y), Math.min(p.y, Math.max(a.y, b.y)));
  return Math.hypot(p.x - x, p.y - y);
}

/** The connect handle of a selected note: a dot on the middle of its right edge. */
export function connectHandleAt(note: Rect): Point {
  return { x: note.x + note.width, y: note.y + note.height / 2 };
}
