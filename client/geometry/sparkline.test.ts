import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline.ts';

const box = { x: 10, y: 20, width: 60, height: 20 };

describe('sparkline', () => {
  it('spreads the points across the box, higher values higher up, oldest at the left', () => {
    const s = sparkline([1, 3, 2], null, box);
    expect(s.points).toEqual([10, 40, 40, 20, 70, 30]);
    expect(s.last).toEqual({ x: 70, y: 30 });
    expect(s.targetY).toBeNull();
  });

  it('a target outside the values widens the scale so its line is always inside the box', () => {
    const s = sparkline([2, 3], 4, box);
    expect(s.targetY).toBe(20);
    expect(s.points).toEqual([10, 40, 70, 30]);
    expect(sparkline([2, 3], 0, box).targetY).toBe(40);
  });

  it('a single point is a dot in the middle; a flat series and target sit mid-height; no points, nothing', () => {
    expect(sparkline([5], null, box)).toEqual({ points: [40, 30], targetY: null, last: { x: 40, y: 30 } });
    expect(sparkline([5, 5], 5, box).points).toEqual([10, 30, 70, 30]);
    expect(sparkline([], 4, box)).toEqual({ points: [], targetY: null, last: null });
  });
});
