import { describe, expect, it } from 'vitest';
import { fitRect, MAX_SCALE, stageAtCamera, toBoard, toScreen, visibleRect, zoomAt } from './camera.ts';

describe('camera', () => {
  it('board and screen coordinates round-trip', () => {
    const c = { x: 40, y: -20, scale: 0.5 };
    const p = { x: 123, y: 456 };
    expect(toBoard(c, toScreen(c, p))).toEqual(p);
  });

  it('a stage with a margin draws a board point where the camera puts it, shifted by the margin', () => {
    const c = { x: 40, y: -20, scale: 0.5 };
    const stage = stageAtCamera(c, { width: 800, height: 600 }, 100);
    expect(stage).toMatchObject({ width: 1000, height: 800, scaleX: 0.5, scaleY: 0.5 });
    const p = { x: 123, y: 456 };
    const onStage = { x: p.x * stage.scaleX + stage.x, y: p.y * stage.scaleY + stage.y };
    expect(onStage).toEqual({ x: toScreen(c, p).x + 100, y: toScreen(c, p).y + 100 });
  });

  it('zooming keeps the point under the pointer still, within limits', () => {
    const c = { x: 10, y: 20, scale: 1 };
    const anchor = { x: 300, y: 200 };
    const z = zoomAt(c, anchor, 2);
    expect(z.scale).toBe(2);
    expect(toBoard(z, anchor)).toEqual(toBoard(c, anchor));
    expect(zoomAt(c, anchor, 1000).scale).toBe(MAX_SCALE);
  });

  it('fit shows the whole rect, centred across and aligned to the top', () => {
    const c = fitRect({ x: 0, y: 0, width: 2000, height: 1000 }, { width: 1000, height: 800 }, 0);
    expect(c.scale).toBe(0.5);
    const v = visibleRect(c, { width: 1000, height: 800 });
    expect(v.x).toBeCloseTo(0);
    expect(v.width).toBeCloseTo(2000);
    expect(v.y).toBeLessThanOrEqual(0);
    expect(v.y + v.height).toBeGreaterThanOrEqual(1000);
  });
});
