import { describe, expect, it } from 'vitest';
import { byIndex, indexAfterLast, indexAt, initialIndexes, keyBetween } from './ordering.ts';

const items = (...indexes: string[]) => indexes.map((index, i) => ({ index, id: `note:${i}` }));

describe('fractional index ordering', () => {
  it('sorts by index, then id (plain string comparison, not locale)', () => {
    const sorted = [
      { index: 'a1', id: 'note:b' },
      { index: 'a0', id: 'note:z' },
      { index: 'a1', id: 'note:a' },
      { index: 'Zz', id: 'note:y' },
    ].sort(byIndex);
    expect(sorted.map((s) => s.id)).toEqual(['note:y', 'note:z', 'note:a', 'note:b']);
  });

  it('initial indexes are increasing', () => {
    const keys = initialIndexes(12);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(12);
    expect(keys[0]).toBe('a0');
  });

  it('indexAt places between neighbours and clamps out-of-range positions', () => {
    const list = items('a0', 'a1', 'a2');
    const at1 = indexAt(list, 1);
    expect(at1 > 'a0' && at1 < 'a1').toBe(true);
    expect(indexAt(list, 0) < 'a0').toBe(true);
    expect(indexAt(list, 99) > 'a2').toBe(true);
    expect(indexAt(list, -5) < 'a0').toBe(true);
  });

  it('indexAt skips the item being moved', () => {
    const list = items('a0', 'a1', 'a2');
    const key = indexAt(list, 2, 'note:0');
    expect(key > 'a2').toBe(true);
  });

  it('equal neighbours (a concurrent tie) leave no room: the key goes after them', () => {
    expect(keyBetween('a1', 'a1') > 'a1').toBe(true);
    expect(keyBetween('a2', 'a1') > 'a2').toBe(true);
  });

  it('repeated insertion at the front keeps producing valid, ordered keys', () => {
    let first = 'a0';
    for (let i = 0; i < 200; i++) {
      const next = keyBetween(null, first);
      expect(next < first).toBe(true);
      first = next;
    }
    expect(indexAfterLast([])).toBe('a0');
    expect(indexAfterLast(items('a0', 'a5')) > 'a5').toBe(true);
  });
});
