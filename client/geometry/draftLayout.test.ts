import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellKey, findTemplate, initializeBoard, readBoard, type Draft } from '../../shared/index.ts';
import { draftAt } from './draftGeometry.ts';
import { hitTest, notesInRect } from './hitTest.ts';
import { computeLayout, slotRect } from './layout.ts';

function ecommerce() {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('ecommerce')! });
  return readBoard(doc);
}

const cellKeyOf = (c: { stageId: Draft['stageId']; laneId: Draft['laneId'] }) => cellKey(c.stageId, c.laneId);
const draft = (over: Partial<Draft>): Draft => ({
  id: 'draft:aaaaaaaa',
  stageId: 'stage:x',
  laneId: 'lane:x',
  kind: null,
  text: 'mine',
  placedAt: 1,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('layout with my private drafts', () => {
  it('a draft takes the slot after its cell’s notes, and a full cell grows (lanes below move down) to fit it', () => {
    const b = ecommerce();
    const plain = computeLayout(b);
    // The fullest cell of the first lane: its row count decides the lane's height.
    const lane = b.lanes[0]!;
    const stageBox = plain.stages.find((s) => (b.cells.get(`${s.id}|${lane.id}`)?.length ?? 0) === s.cols)!;
    const drafts = [
      draft({ id: 'draft:aaaaaaaa', stageId: stageBox.id, laneId: lane.id }),
      draft({ id: 'draft:bbbbbbbb', stageId: b.stages[0]!.id, laneId: b.lanes[3]!.id, placedAt: 2 }),
    ];
    const withDrafts = computeLayout(b, drafts);
    const count = b.cells.get(`${stageBox.id}|${lane.id}`)!.length;
    const box = withDrafts.stages.find((s) => s.id === stageBox.id)!;
    expect(withDrafts.drafts.get('draft:aaaaaaaa')).toEqual(
      slotRect({ x: box.x, y: withDrafts.lanes[0]!.contentY }, box.cols, count),
    );
    expect(withDrafts.lanes[0]!.height).toBeGreaterThan(plain.lanes[0]!.height);
    expect(withDrafts.lanes[1]!.y).toBeGreaterThan(plain.lanes[1]!.y);
    // Drafts are hit as drafts, never as notes (no command ever gets a draft id).
    const r = withDrafts.drafts.get('draft:bbbbbbbb')!;
    const centre = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    expect(draftAt(withDrafts, centre)).toBe('draft:bbbbbbbb');
    expect(hitTest(withDrafts, b, centre).type).toBe('cell');
    expect(notesInRect(withDrafts, r)).toEqual([]);
  });

  it('a draft whose stage was removed is shown where the reveal will put it (the first stage)', () => {
    const b = ecommerce();
    const l = computeLayout(b, [draft({ stageId: 'stage:removed', laneId: b.lanes[1]!.id })]);
    const r = l.drafts.get('draft:aaaaaaaa')!;
    expect(r.x).toBeLessThan(l.stages[1]!.x);
    expect(r.y).toBeGreaterThanOrEqual(l.lanes[1]!.y);
  });

  it('a cell holding only my draft is not empty: no "Double-click to add a note" shows through the draft', () => {
    const b = ecommerce();
    const cell = [...b.stages]
      .flatMap((s) => b.lanes.map((l) => ({ stageId: s.id, laneId: l.id })))
      .find((c) => !b.cells.get(cellKeyOf(c))?.length)!;
    const key = cellKeyOf(cell);
    expect(computeLayout(b, []).emptyCells.has(key)).toBe(true);
    expect(computeLayout(b, [draft(cell)]).emptyCells.has(key)).toBe(false);
  });
});
