import { describe, expect, it } from 'vitest';
import { CULL_TILE, drawnArea, sameRect } from './drawnArea.ts';

const screen = { x: 100, y: 40, width: 1756, height: 1097 };

describe('drawnArea', () => {
  it('rounds the visible rect and its margin out to culling tiles', () => {
    const area = drawnArea(screen, 312, false);
    expect(area).toEqual({ x: -CULL_TILE, y: -CULL_TILE, width: 6 * CULL_TILE, height: 4 * CULL_TILE });
    expect(area.x).toBeLessThanOrEqual(screen.x - 312);
    expect(area.x + area.width).toBeGreaterThanOrEqual(screen.x + screen.width + 312);
  });

  it('keeps the same tiles while a pan stays within them', () => {
    const moved = { ...screen, x: screen.x + 30, y: screen.y + 20 };
    expect(sameRect(drawnArea(screen, 312, false), drawnArea(moved, 312, false))).toBe(true);
    const far = { ...screen, x: screen.x + CULL_TILE };
    expect(sameRect(drawnArea(screen, 312, false), drawnArea(far, 312, false))).toBe(false);
  });

  it("is the screen alone for a board's first frame, a third of the area the tiles hold", () => {
    const first = drawnArea(screen, 312, true);
    expect(first).toEqual(screen);
    const later = drawnArea(screen, 312, false);
    expect(first.width * first.height).toBeLessThan((later.width * later.height) / 3);
  });
});
