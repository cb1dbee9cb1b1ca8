import { describe, expect, it } from 'vitest';
import { pdfText } from './pdfText.ts';

describe('pdfText (the PDF’s built-in Helvetica is Windows-1252)', () => {
  it('keeps Western European text and typographic punctuation', () => {
    expect(pdfText('Bo Ström: “déjà vu” – 5 € … «ok»')).toBe('Bo Ström: “déjà vu” – 5 € … «ok»');
  });
  it('prints one ? per character it cannot show, emoji included (never half a surrogate pair)', () => {
    expect(pdfText('Hold 🙈 time 客服')).toBe('Hold ? time ??');
  });
});
