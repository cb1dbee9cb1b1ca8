import { describe, expect, it } from 'vitest';
import { visibleRect } from '../../geometry/camera.ts';
import { cameraForView, viewOf, viewsDiffer } from './followCamera.ts';

describe('follow camera', () => {
  it('shows all of the leader’s view, centred, in a viewport of another shape', () => {
    const leader = { x: 200, y: 100, width: 1000, height: 500 };
    const camera = cameraForView(leader, { width: 800, height: 800 });
    expect(camera.scale).toBeCloseTo(0.8);
    const seen = visibleRect(camera, { width: 800, height: 800 });
    expect(seen.x).toBeCloseTo(200);
    expect(seen.width).toBeCloseTo(1000);
    expect(seen.y + seen.height / 2).toBeCloseTo(350); // same centre
    expect(seen.height).toBeGreaterThan(500);
  });

  it('a view published and followed in a same-size viewport gives the same camera', () => {
    const viewport = { width: 1200, height: 700 };
    const leader = { x: -130, y: 45, scale: 0.75 };
    const view = viewOf(leader, viewport)!;
    const follower = cameraForView(view, viewport);
    expect(follower.scale).toBeCloseTo(0.75, 3);
    expect(follower.x).toBeCloseTo(-130, 0);
    expect(follower.y).toBeCloseTo(45, 0);
  });

  it('has no view before the canvas has a size; ignores jitter', () => {
    expect(viewOf({ x: 0, y: 0, scale: 1 }, { width: 1, height: 1 })).toBeNull();
    const v = { x: 0, y: 0, width: 1000, height: 600 };
    expect(viewsDiffer(v, { ...v, x: 0.5 })).toBe(false);
    expect(viewsDiffer(v, { ...v, x: 40 })).toBe(true);
    expect(viewsDiffer(null, v)).toBe(true);
  });
});
