import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, departmentCoverage, findTemplate, initializeBoard, readBoard } from '../index.ts';

describe('department coverage', () => {
  it('counts notes per department per stage and lists the gaps of teams that take part', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('blank')! });
    const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
    const b = readBoard(doc);
    const cell = (s: number) => ({ stageId: b.stages[s]!.id, laneId: b.lanes[0]!.id });
    model.run('addNote', { ...cell(0), department: 'sales' });
    model.run('addNote', { ...cell(0), department: 'sales' });
    model.run('addNote', { ...cell(2), department: 'support' });
    model.run('addNote', { ...cell(4), department: 'other' });
    const c = departmentCoverage(readBoard(doc));
    expect(c.counts.sales).toEqual([2, 0, 0, 0, 0]);
    expect(c.counts.support).toEqual([0, 0, 1, 0, 0]);
    expect(c.totals).toEqual({ marketing: 0, sales: 2, support: 1, product: 0, other: 1 });
    // Marketing wrote nothing at all: not a gap per stage, it is absent (the panel says so).
    expect(c.gaps.filter((g) => g.department === 'marketing')).toEqual([]);
    expect(c.gaps.filter((g) => g.department === 'sales').map((g) => g.stageId)).toEqual(
      b.stages.slice(1).map((s) => s.id),
    );
    expect(c.gaps.some((g) => g.department === 'other')).toBe(false);
  });
});
