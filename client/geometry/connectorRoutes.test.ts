import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardModel,
  findTemplate,
  initializeBoard,
  readBoard,
  type Connector,
  type ConnectorId,
  type NoteId,
} from '../../shared/index.ts';
import { createPrng } from '../../shared/testing/prng.ts';
import { connectorAt, routeBetween, routeConnectors, routeOf, routeOrphans } from './connectorRoutes.ts';
import type { Point, Rect } from './geometry.ts';
import { computeLayout, GAP } from './layout.ts';

/** Whether an axis-parallel segment passes through the inside of `r` (touching its edge is fine). */
function crosses(a: Point, b: Point, r: Rect): boolean {
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 > r.x && x0 < r.x + r.width && y1 > r.y && y0 < r.y + r.height;
}

/** A board whose cells hold different numbers of notes, so stages get different column counts. */
function crowdedBoard() {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('ecommerce')! });
  const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
  const { stages, lanes } = readBoard(doc);
  const random = createPrng(4);
  for (let i = 0; i < 150; i++)
    model.run('addNote', { stageId: random.pick(stages).id, laneId: random.pick(lanes).id, text: `n${i}` });
  return readBoard(doc);
}

describe('connector routes', () => {
  it('are orthogonal, start on the first note’s edge, end on the second’s, and cross no note', () => {
    const board = crowdedBoard();
    const layout = computeLayout(board);
    const rects = [...layout.notes.values()];
    const random = createPrng(9);
    for (let i = 0; i < 400; i++) {
      const [from, to] = random.sample(board.notes, 2);
      const a = layout.notes.get(from!.id)!;
      const b = layout.notes.get(to!.id)!;
      const points = routeBetween(a, b);
      for (let k = 1; k < points.length; k++) {
        const [p, q] = [points[k - 1]!, points[k]!];
        expect(p.x === q.x || p.y === q.y).toBe(true);
        for (const r of rects) expect(crosses(p, q, r), `${from!.text} → ${to!.text} crosses a note`).toBe(false);
      }
      const [first, last] = [points[0]!, points.at(-1)!];
      expect(first.x === a.x || first.x === a.x + a.width).toBe(true);
      expect(last.y === b.y || last.y === b.y + b.height).toBe(true);
      expect(last.x).toBe(b.x + b.width / 2);
    }
  });

  it('follow their notes: a note moved to another stage gets a route to its new place', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('blank')! });
    const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
    const { stages, lanes } = readBoard(doc);
    const a = model.run('addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'a' });
    const b = model.run('addNote', { stageId: stages[1]!.id, laneId: lanes[0]!.id, text: 'b' });
    model.run('addConnector', { from: a, to: b });
    const before = readBoard(doc);
    const [r1] = routeConnectors(before.connectors, computeLayout(before).notes);
    model.run('moveNotes', { noteIds: [b], stageId: stages[3]!.id, laneId: lanes[2]!.id });
    const after = readBoard(doc);
    const layout = computeLayout(after);
    const [r2] = routeConnectors(after.connectors, layout.notes);
    expect(r2!.points.at(-1)).not.toEqual(r1!.points.at(-1));
    expect(r2!.points.at(-1)!.x).toBe(layout.notes.get(b)!.x + layout.notes.get(b)!.width / 2);
  });

  it('a click near a path picks its connector; far from every path, none', () => {
    const id = 'connector:one' as ConnectorId;
    const route = routeOf(id, [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 80 },
    ]);
    expect(route.labelAt).toEqual({ x: 50, y: 0 });
    expect(connectorAt([route], { x: 40, y: 4 }, 6)).toBe(id);
    expect(connectorAt([route], { x: 104, y: 60 }, 6)).toBe(id);
    expect(connectorAt([route], { x: 40, y: 20 }, 6)).toBeNull();
  });

  it('an orphan gets a stub out of the note that is left, on the side of its lost end; with no note left, none', () => {
    const rects = new Map([['note:a', { x: 100, y: 50, width: 200, height: 100 }]]) as Map<NoteId, Rect>;
    const orphan = (from: string, to: string) =>
      ({ id: `connector:${from}-${to}`, from, to, kind: 'next-step', label: '', share: null }) as unknown as Connector;
    const [out, into, ...rest] = routeOrphans(
      [orphan('note:a', 'note:gone'), orphan('note:gone', 'note:a'), orphan('note:x', 'note:y')],
      rects,
    );
    const g = GAP / 2;
    // Out of the right edge into the column gap, up into the row gap, and along it: over no neighbour.
    expect(out).toMatchObject({
      loose: 'to',
      points: [
        { x: 300, y: 100 },
        { x: 300 + g, y: 100 },
        { x: 300 + g, y: 50 - g },
        { x: 356 + g, y: 50 - g },
      ],
    });
    expect(into).toMatchObject({
      loose: 'from',
      points: [
        { x: 44 - g, y: 50 - g },
        { x: 100 - g, y: 50 - g },
        { x: 100 - g, y: 100 },
        { x: 100, y: 100 },
      ],
    });
    expect(rest).toEqual([]);
    // Picked like any connector, so its toolbar (Reconnect to…, Delete) opens on a click.
    expect(connectorAt([out!], { x: 350, y: 50 - g + 2 }, 6)).toBe(out!.id);
  });
});
