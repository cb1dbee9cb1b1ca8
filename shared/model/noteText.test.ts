import { describe, expect, it } from 'vitest';
import { cutToLimit, MAX_PASTED_NOTES, textToNoteTexts } from './noteText.ts';

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

describe('plain text pasted onto the board becomes one note per line', () => {
  it('skips blank lines and list bullets, trims, and keeps the order', () => {
    expect(
      textToNoteTexts('  Slow delivery \n\n- No tracking\r\n• Returns are hard\n* Price shown late\n', 2000),
    ).toEqual(['Slow delivery', 'No tracking', 'Returns are hard', 'Price shown late']);
  });

  it('cuts a long line at a word, and stops at the most notes one paste makes', () => {
    expect(textToNoteTexts('alpha beta gamma', 12)).toEqual(['alpha beta']);
    expect(textToNoteTexts(Array.from({ length: 600 }, (_, i) => `n${i}`).join('\n'), 10)).toHaveLength(
      MAX_PASTED_NOTES,
    );
  });
});
