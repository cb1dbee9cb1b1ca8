import { describe, expect, it } from 'vitest';
import { cutToLimit } from './noteText.ts';

describe('a paste longer than a note can hold is cut at a line or word boundary', () => {
  it('fits: unchanged', () => {
    expect(cutToLimit('short', 10)).toEqual({ text: 'short', cut: 0 });
  });

  it('cuts after the last whole line that fits', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i + 1}: customers ask where their parcel is`);
    const { text, cut } = cutToLimit(lines.join('\n'), 2000);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text.split('\n').every((l, i) => l === lines[i])).toBe(true);
    expect(cut).toBe(lines.join('\n').length - text.length);
  });

  it('without line breaks near the end, cuts at the last space, never mid-word', () => {
    const { text } = cutToLimit('alpha beta gamma delta', 13);
    expect(text).toBe('alpha beta');
  });

  it('one enormous word is cut at the limit', () => {
    expect(cutToLimit('x'.repeat(30), 10).text).toBe('x'.repeat(10));
  });

  it('never splits an emoji (a surrogate pair) at the limit', () => {
    const { text } = cutToLimit(`${'a'.repeat(9)}😀tail`, 10);
    expect(text).toBe('a'.repeat(9));
  });
});
