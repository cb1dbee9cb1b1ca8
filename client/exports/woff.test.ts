import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff'));

/** The glyph id a format-12 cmap subtable gives a code point (0: none). */
function glyphOf(ttf: Uint8Array, codePoint: number): number {
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = new Map<string, number>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(...ttf.subarray(at, at + 4)), v.getUint32(at + 8));
  }
  const cmap = tables.get('cmap')!;
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const sub = cmap + v.getUint32(cmap + 4 + 8 * i + 4);
    if (v.getUint16(sub) !== 12) continue;
    for (let g = 0; g < v.getUint32(sub + 12); g++) {
      const at = sub + 16 + 12 * g;
      const [start, end] = [v.getUint32(at), v.getUint32(at + 4)];
      if (codePoint >= start && codePoint <= end) return v.getUint32(at + 8) + codePoint - start;
    }
  }
  return 0;
}

describe('woffToSfnt (the export emoji font for jsPDF)', () => {
  it('gives back the TrueType file: every table at its place, the emoji in its cmap', async () => {
    const ttf = await woffToSfnt(new Uint8Array(woff));
    const v = new DataView(ttf.buffer);
    expect(v.getUint32(0)).toBe(0x00010000); // TrueType outlines
    expect(ttf.length).toBe(new DataView(woff.buffer, woff.byteOffset).getUint32(16)); // totalSfntSize
    expect(glyphOf(ttf, 0x1f648)).toBeGreaterThan(0); // 🙈
    expect(glyphOf(ttf, 0x10fffd)).toBe(0);
  });
  it('refuses what is not WOFF', async () => {
    await expect(woffToSfnt(new Uint8Array(64))).rejects.toThrow('not a WOFF');
  });
});
