import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, findTemplate, initializeBoard, readBoard, type BoardSnapshot } from '../../shared/index.ts';
import { dropTargetAt, hitTest, notesInRect } from './hitTest.ts';
import { CELL_PAD, computeLayout, CURVE_BAND_H, GAP, HEADER_H, KPI_H, LABEL_W, NOTE_H, NOTE_W } from './layout.ts';

function board(template = 'blank') {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate(template)! });
  const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
  return { doc, model, read: (): BoardSnapshot => readBoard(doc) };
}

describe('layout', () => {
  it('lays stages left to right after the lane labels and lanes top to bottom under the headers', () => {
    const b = board().read();
    const l = computeLayout(b);
    expect(l.stages.map((s) => s.id)).toEqual(b.stages.map((s) => s.id));
    expect(l.stages[0]!.x).toBe(LABEL_W);
    expect(l.lanes[0]!.y).toBe(HEADER_H);
    for (let i = 1; i < l.stages.length; i++) expect(l.stages[i]!.x).toBe(l.stages[i - 1]!.x + l.stages[i - 1]!.width);
    for (let i = 1; i < l.lanes.length; i++) expect(l.lanes[i]!.y).toBe(l.lanes[i - 1]!.y + l.lanes[i - 1]!.height);
  });

  it('cells grow to fit their notes: a lane is as tall as its fullest cell needs', () => {
    const { model, read } = board();
    const b0 = read();
    const stage = b0.stages[0]!;
    const lane = b0.lanes[0]!;
    const before = computeLayout(b0).lanes[0]!.height;
    for (let i = 0; i < 9; i++) model.run('addNote', { stageId: stage.id, laneId: lane.id, text: `n${i}` });
    const l = computeLayout(read());
    const box = l.stages[0]!;
    const rows = Math.ceil(9 / box.cols);
    expect(l.lanes[0]!.height).toBe(rows * NOTE_H + (rows - 1) * GAP + 2 * CELL_PAD);
    expect(l.lanes[0]!.height).toBeGreaterThan(before);
    const rects = read()
      .cells.get(`${stage.id}|${lane.id}`)!
      .map((n) => l.notes.get(n.id)!);
    expect(rects[0]).toEqual({ x: box.x + CELL_PAD, y: l.lanes[0]!.y + CELL_PAD, width: NOTE_W, height: NOTE_H });
    // Notes never overlap.
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++)
        expect(notesInRect(l, rects[i]!).includes(read().cells.get(`${stage.id}|${lane.id}`)![j]!.id)).toBe(false);
  });

  it('notes whose stage was removed concurrently are placed in a strip, not dropped', () => {
    const { doc, model, read } = board();
    const b0 = read();
    const id = model.run('addNote', { stageId: b0.stages[1]!.id, laneId: b0.lanes[0]!.id, text: 'orphan' });
    doc.getMap('records').delete(b0.stages[1]!.id); // what a concurrent removal elsewhere looks like
    const l = computeLayout(read());
    expect(l.orphanStrip).not.toBeNull();
    expect(l.notes.get(id)).toBeDefined();
  });
});

describe('hit-testing', () => {
  it('finds notes, empty cells, headers and lane labels from a board point', () => {
    const { model, read } = board();
    const b0 = read();
    const id = model.run('addNote', { stageId: b0.stages[2]!.id, laneId: b0.lanes[3]!.id });
    const b = read();
    const l = computeLayout(b);
    const r = l.notes.get(id)!;
    expect(hitTest(l, b, { x: r.x + 5, y: r.y + 5 })).toEqual({ type: 'note', id });
    expect(hitTest(l, b, { x: r.x + NOTE_W + GAP + 5, y: r.y + 5 })).toEqual({
      type: 'cell',
      stageId: b.stages[2]!.id,
      laneId: b.lanes[3]!.id,
    });
    expect(hitTest(l, b, { x: l.stages[1]!.x + 10, y: 10 })).toEqual({
      type: 'stage-header',
      stageId: b.stages[1]!.id,
    });
    expect(hitTest(l, b, { x: 10, y: l.lanes[4]!.y + 10 })).toEqual({ type: 'lane-label', laneId: b.lanes[4]!.id });
    expect(hitTest(l, b, { x: -50, y: -50 })).toEqual({ type: 'none' });
  });

  it('drop target: the cell under the pointer and the nearest slot among the other notes', () => {
    const { model, read } = board();
    const b0 = read();
    const [s, ln] = [b0.stages[0]!, b0.lanes[0]!];
    const ids = [0, 1, 2].map((i) => model.run('addNote', { stageId: s.id, laneId: ln.id, text: String(i) }));
    const b = read();
    const l = computeLayout(b);
    const first = l.notes.get(ids[0]!)!;
    expect(dropTargetAt(l, b, { x: first.x + 10, y: first.y + 10 }, new Set())).toEqual({
      stageId: s.id,
      laneId: ln.id,
      position: 0,
    });
    expect(dropTargetAt(l, b, { x: first.x + NOTE_W - 10, y: first.y + 10 }, new Set())).toEqual({
      stageId: s.id,
      laneId: ln.id,
      position: 1,
    });
    // Far into the empty part of the cell: after the last of the notes not being dragged.
    const lane = l.lanes[0]!;
    expect(
      dropTargetAt(
        l,
        b,
        { x: l.stages[0]!.x + l.stages[0]!.width - 5, y: lane.y + lane.height - 5 },
        new Set([ids[2]!]),
      ),
    ).toEqual({ stageId: s.id, laneId: ln.id, position: 2 });
    expect(dropTargetAt(l, b, { x: 5, y: 5 }, new Set())).toBeNull();
  });
});

describe('emotion curve band', () => {
  it('the first Emotions lane starts its notes below the curve band, and drops land in its slots', () => {
    const { model, read } = board();
    const b0 = read();
    const lane = b0.lanes.find((l) => l.kind === 'emotion')!;
    const id = model.run('addNote', { stageId: b0.stages[0]!.id, laneId: lane.id, sentiment: 1 });
    const b = read();
    const l = computeLayout(b);
    const box = l.lanes.find((x) => x.id === lane.id)!;
    expect(l.curveBand).toEqual({ x: LABEL_W, y: box.y, width: l.width - LABEL_W, height: CURVE_BAND_H });
    expect(box.contentY).toBe(box.y + CURVE_BAND_H);
    expect(l.notes.get(id)!.y).toBe(box.contentY + CELL_PAD);
    expect(l.lanes.filter((x) => x.contentY !== x.y)).toHaveLength(1);
    const r = l.notes.get(id)!;
    expect(dropTargetAt(l, b, { x: r.x + NOTE_W - 5, y: r.y + 5 }, new Set())).toEqual({
      stageId: b.stages[0]!.id,
      laneId: lane.id,
      position: 1,
    });
  });
});

describe('KPI row', () => {
  it('sits under the last lane, holds each stage’s KPI cards, grows with the fullest stage, and is hit-tested', () => {
    const { model, read } = board();
    const b0 = read();
    const empty = computeLayout(b0);
    const lastLane = empty.lanes.at(-1)!;
    expect(empty.kpiRow.y).toBe(lastLane.y + lastLane.height);
    expect(empty.kpiRow.height).toBe(KPI_H + 2 * CELL_PAD);
    expect(empty.height).toBe(empty.kpiRow.y + empty.kpiRow.height);

    const stage = b0.stages[1]!;
    const ids = ['CSAT', 'NPS', 'CES'].map((metric, i) => model.run('setKpi', { stageId: stage.id, metric, value: i }));
    const b = read();
    const l = computeLayout(b);
    const box = l.stages[1]!;
    const rows = Math.ceil(3 / box.cols);
    expect(l.kpiRow.height).toBe(rows * KPI_H + (rows - 1) * GAP + 2 * CELL_PAD);
    const first = l.kpis.get(ids[0]!)!;
    expect(first).toEqual({ x: box.x + CELL_PAD, y: l.kpiRow.y + CELL_PAD, width: NOTE_W, height: KPI_H });
    expect(hitTest(l, b, { x: first.x + 5, y: first.y + 5 })).toEqual({ type: 'kpi', id: ids[0] });
    expect(hitTest(l, b, { x: l.stages[0]!.x + 20, y: l.kpiRow.y + 20 })).toEqual({
      type: 'kpi-cell',
      stageId: b.stages[0]!.id,
    });
    // Notes never drop into the KPI row.
    expect(dropTargetAt(l, b, { x: first.x + 5, y: first.y + 5 }, new Set())).toBeNull();
  });
});
