import { describe, expect, it } from 'vitest';
import type { NoteId } from '../../shared/index.ts';
import { badgeAt, badgeRect } from './commentBadges.ts';
import { BADGE_R, badgeCentre, voteMarkScale } from './voteGeometry.ts';
import type { BoardLayout } from './layout.ts';

describe('comment badges', () => {
  const note = 'note:a' as NoteId;
  const layout = { notes: new Map([[note, { x: 100, y: 100, width: 176, height: 112 }]]) } as unknown as BoardLayout;
  it('sit on the top edge of their note, clear of the vote badge, and are hit there only', () => {
    for (const scale of [0.3, 0.5, 1, 2]) {
      const r = { x: 100, y: 100, width: 176, height: 112 };
      const b = badgeRect(r, scale);
      const k = voteMarkScale(scale);
      expect(b.x + b.width).toBeLessThan(badgeCentre(r, k).x - BADGE_R * k);
      expect(b.x).toBeGreaterThan(r.x);
      expect(b.y).toBeLessThan(100);
    }
    const b = badgeRect({ x: 100, y: 100, width: 176, height: 112 });
    expect(badgeAt(layout, new Map([[note, 2]]), { x: b.x + 4, y: b.y + 4 })).toBe(note);
    expect(badgeAt(layout, new Map([[note, 2]]), { x: 120, y: 150 })).toBeNull();
    expect(badgeAt(layout, new Map(), { x: b.x + 4, y: b.y + 4 })).toBeNull();
  });
  it('keep their size on screen when zoomed out, up to a limit', () => {
    const note0 = { x: 0, y: 0, width: 176, height: 112 };
    expect(badgeRect(note0, 0.5).width).toBe(2 * badgeRect(note0, 1).width);
    expect(badgeRect(note0, 0.1).width).toBeCloseTo(2.2 * badgeRect(note0, 1).width);
    expect(badgeRect(note0, 2).width).toBe(badgeRect(note0, 1).width);
    const far = badgeRect({ x: 100, y: 100, width: 176, height: 112 }, 0.5);
    expect(badgeAt(layout, new Map([[note, 1]]), { x: far.x + 2, y: far.y + 2 }, 0.5)).toBe(note);
  });
});
