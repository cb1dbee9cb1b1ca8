import { describe, expect, it } from 'vitest';
import { splitByWidth } from './overflow.ts';

const items = [
  { id: 'share', inlineFrom: 480 },
  { id: 'comments', inlineFrom: 900 },
  { id: 'history', inlineFrom: 1100 },
];

describe('splitByWidth', () => {
  it('keeps every control in the bar on a wide screen', () => {
    const { inline, overflow } = splitByWidth(items, 1440);
    expect(inline.map((i) => i.id)).toEqual(['share', 'comments', 'history']);
    expect(overflow).toEqual([]);
  });

  it('moves the lower priorities into the menu first, in their order', () => {
    const { inline, overflow } = splitByWidth(items, 1024);
    expect(inline.map((i) => i.id)).toEqual(['share', 'comments']);
    expect(overflow.map((i) => i.id)).toEqual(['history']);
  });

  it('puts every control somewhere at any width: none is lost', () => {
    for (const width of [320, 360, 390, 480, 768, 820, 900, 1024, 1100, 1440]) {
      const { inline, overflow } = splitByWidth(items, width);
      expect([...inline, ...overflow].map((i) => i.id).sort()).toEqual(['comments', 'history', 'share']);
    }
  });

  it('counts the threshold width as room enough', () => {
    expect(splitByWidth(items, 900).inline.map((i) => i.id)).toEqual(['share', 'comments']);
  });
});
