import { describe, expect, it } from 'vitest';
import { contains, dotCentre, MAX_DRAWN_DOTS, myDotsRect, voteMarkScale } from './voteGeometry.ts';

describe('vote geometry', () => {
  const note = { x: 100, y: 200, width: 176, height: 112 };
  it('my dots hang from the bottom edge, right-aligned, and grow to the left', () => {
    const one = myDotsRect(note, 1);
    const three = myDotsRect(note, 3);
    expect(one.x + one.width).toBe(three.x + three.width);
    expect(three.width).toBeGreaterThan(one.width);
    expect(one.y).toBeLessThan(note.y + note.height);
    expect(one.y + one.height).toBeGreaterThan(note.y + note.height);
  });
  it('draws larger marks when zoomed out, never smaller than at 100%', () => {
    expect(voteMarkScale(1.5)).toBe(1);
    expect(voteMarkScale(0.5)).toBe(2);
    expect(voteMarkScale(0.1)).toBe(2);
    expect(myDotsRect(note, 2, 2).width).toBe(2 * myDotsRect(note, 2).width);
  });
  it('caps the drawn dots and the last drawn dot stays inside the pill', () => {
    const many = myDotsRect(note, 40);
    expect(many.width).toBe(myDotsRect(note, MAX_DRAWN_DOTS + 1).width);
    const last = dotCentre(MAX_DRAWN_DOTS - 1);
    expect(contains(many, { x: many.x + last.x, y: many.y + last.y })).toBe(true);
    expect(contains(many, { x: note.x + 10, y: note.y + 10 })).toBe(false);
  });
});
