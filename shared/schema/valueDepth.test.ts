import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRecordMap } from '../doc/boardDoc.ts';
import { recordRepair } from './recordRepairs.ts';
import { MAX_VALUE_DEPTH, nestsDeeperThan } from './valueDepth.ts';

const nested = (levels: number): unknown => {
  let v: unknown = [];
  for (let i = 1; i < levels; i++) v = { a: v };
  return v;
};

describe('nestsDeeperThan', () => {
  it('counts arrays, objects and Y types as one level each; scalars and text as none or one', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan([], 0)).toBe(true);
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    const doc = new Y.Doc();
    const outer = doc.getMap('m').set('outer', new Y.Map<unknown>());
    outer.set('inner', [[1]]);
    expect(nestsDeeperThan(outer, 3)).toBe(false);
    expect(nestsDeeperThan(outer, 2)).toBe(true);
    expect(nestsDeeperThan(doc.getMap('m').set('t', new Y.Text('abc')), 1)).toBe(false);
  });

  it('walks a value a million levels deep without recursion', () => {
    expect(nestsDeeperThan(nested(1_000_000))).toBe(true);
  });
});

describe('recordRepair of values nested past MAX_VALUE_DEPTH', () => {
  it('removes an unknown field, resets a known one, keeps an unknown field within the limit', () => {
    const doc = new Y.Doc();
    const note = newRecordMap({
      position: nested(MAX_VALUE_DEPTH + 1),
      text: 'hello',
      kind: 'pain',
      colour: nested(MAX_VALUE_DEPTH + 1),
      deep: nested(MAX_VALUE_DEPTH + 1),
      fine: nested(MAX_VALUE_DEPTH),
    });
    doc.getMap('records').set('note:abc', note);
    const repair = recordRepair('note:abc', note);
    expect(repair.kind).toBe('fix');
    if (repair.kind !== 'fix') return;
    expect(repair.remove).toEqual(expect.arrayContaining(['deep', 'colour']));
    expect(repair.set.position).toMatchObject({ stageId: expect.any(String) });
    expect(repair.why).not.toContain('fine');
  });
});
