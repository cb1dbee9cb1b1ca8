import { describe, expect, it } from 'vitest';
import { peopleColours } from './peopleColours.ts';
import { colourForUser, PEOPLE_COLOURS } from './presence.ts';

/** CIE76 ΔE between two sRGB hex colours. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92;
    }) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const [x, y, z] = [
      (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047,
      0.2126 * r + 0.7152 * g + 0.0722 * bl,
      (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883,
    ];
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

const joined = (...ids: string[]) => ids.map((id, i) => ({ id, joinedAt: 1_000 + i }));

describe('people’s colours on a board (issue 22, item 14)', () => {
  it('the palette’s colours are far apart and readable under white initials', () => {
    for (const [i, a] of PEOPLE_COLOURS.entries())
      for (const b of PEOPLE_COLOURS.slice(i + 1)) expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThan(35);
  });

  it('two people the id hash gives one colour get two different ones', () => {
    // Find two ids that collide under the hash (as Sam and Sara did).
    const ids = Array.from({ length: 40 }, (_, i) => `person-${i}`);
    const a = ids[0]!;
    const b = ids.find((id) => id !== a && colourForUser(id) === colourForUser(a))!;
    expect(b).toBeDefined();
    const colours = peopleColours([a, b], joined(a, b));
    expect(colours.get(a)).not.toBe(colours.get(b));
    expect(deltaE(colours.get(a)!, colours.get(b)!)).toBeGreaterThan(35);
  });

  it('up to ten people present all differ; everyone computes the same; a person keeps theirs as others leave', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const all = peopleColours(ids, joined(...ids));
    expect(new Set(all.values()).size).toBe(10);
    expect(peopleColours([...ids].reverse(), joined(...ids))).toEqual(all);
    const fewer = peopleColours(['p3', 'p7'], joined(...ids));
    expect(fewer.get('p3')).toBe(all.get('p3'));
    expect(fewer.get('p7')).toBe(all.get('p7'));
  });

  it('someone not listed yet gets a free colour; past ten present, the hash', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const colours = peopleColours([...ids, 'newcomer'], joined(...ids));
    expect(new Set(ids.slice(0, 10).map((id) => colours.get(id))).size).toBe(10);
    expect(colours.get('p11')).toBe(colourForUser('p11'));
    const two = peopleColours(['p0', 'newcomer'], joined('p0'));
    expect(two.get('newcomer')).not.toBe(two.get('p0'));
  });
});
