import { describe, expect, it } from 'vitest';
import { MAX_SCALE, toBoard, toScreen } from './camera.ts';
import { DOUBLE_TAP_MS, EDGE_SPEED, edgeScroll, isDoubleTap, keepAboveKeyboard, pinchCamera } from './touchGeometry.ts';

describe('pinchCamera', () => {
  const start = { x: 30, y: -40, scale: 0.5 };

  it('spreading the fingers zooms in around their midpoint', () => {
    const from = [
      { x: 100, y: 200 },
      { x: 300, y: 200 },
    ] as const;
    const to = [
      { x: 0, y: 200 },
      { x: 400, y: 200 },
    ] as const;
    const c = pinchCamera(start, from, to);
    expect(c.scale).toBeCloseTo(1);
    const mid = { x: 200, y: 200 };
    const before = toBoard(start, mid);
    const after = toBoard(c, mid);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('moving both fingers together pans without zooming', () => {
    const from = [
      { x: 100, y: 100 },
      { x: 200, y: 100 },
    ] as const;
    const to = [
      { x: 150, y: 60 },
      { x: 250, y: 60 },
    ] as const;
    expect(pinchCamera(start, from, to)).toEqual({ scale: 0.5, x: 80, y: -80 });
  });

  it('the board point under the first midpoint follows the midpoint, within the zoom limits', () => {
    const from = [
      { x: 100, y: 100 },
      { x: 110, y: 100 },
    ] as const;
    const to = [
      { x: 0, y: 500 },
      { x: 1000, y: 500 },
    ] as const;
    const c = pinchCamera(start, from, to);
    expect(c.scale).toBe(MAX_SCALE);
    const anchor = toBoard(start, { x: 105, y: 100 });
    const now = toScreen(c, anchor);
    expect(now.x).toBeCloseTo(500);
    expect(now.y).toBeCloseTo(500);
  });

  it('two fingers on one spot leave the scale alone', () => {
    const p = { x: 10, y: 10 };
    expect(pinchCamera(start, [p, p], [p, { x: 20, y: 10 }]).scale).toBe(0.5);
  });
});

describe('isDoubleTap', () => {
  const first = { at: 1000, point: { x: 50, y: 50 } };

  it('a second tap soon and close by completes a double-tap', () => {
    expect(isDoubleTap(first, { at: 1200, point: { x: 60, y: 45 } })).toBe(true);
  });

  it('too late, too far or without a first tap it is a single tap', () => {
    expect(isDoubleTap(first, { at: 1001 + DOUBLE_TAP_MS, point: first.point })).toBe(false);
    expect(isDoubleTap(first, { at: 1100, point: { x: 150, y: 50 } })).toBe(false);
    expect(isDoubleTap(null, first)).toBe(false);
  });
});

describe('edgeScroll', () => {
  const size = { width: 400, height: 800 };

  it('is still in the middle and fastest at the edges, towards the edge', () => {
    expect(edgeScroll({ x: 200, y: 400 }, size)).toEqual({ x: 0, y: 0 });
    expect(edgeScroll({ x: 0, y: 400 }, size)).toEqual({ x: EDGE_SPEED, y: 0 });
    expect(edgeScroll({ x: 200, y: 800 }, size)).toEqual({ x: 0, y: -EDGE_SPEED });
    const near = edgeScroll({ x: 390, y: 10 }, size);
    expect(near.x).toBeLessThan(0);
    expect(near.x).toBeGreaterThan(-EDGE_SPEED);
    expect(near.y).toBeGreaterThan(0);
  });

  it('never scrolls in a viewport too small to have a middle', () => {
    expect(edgeScroll({ x: 5, y: 5 }, { width: 60, height: 60 })).toEqual({ x: 0, y: 0 });
  });
});

describe('keepAboveKeyboard', () => {
  const camera = { x: 0, y: 0, scale: 2 };
  const note = { x: 10, y: 300, width: 100, height: 80 };

  it('moves a note the keyboard would cover up above it', () => {
    const c = keepAboveKeyboard(camera, note, 0, 500, 10);
    const bottom = toScreen(c, { x: note.x, y: note.y + note.height }).y;
    expect(bottom).toBeCloseTo(490);
    expect(c.scale).toBe(2);
    expect(c.x).toBe(0);
  });

  it('leaves a note already in view where it is', () => {
    expect(keepAboveKeyboard(camera, note, 0, 900)).toBe(camera);
  });

  it('shows the top of a note taller than the room left', () => {
    const c = keepAboveKeyboard(camera, note, 100, 200, 10);
    expect(toScreen(c, { x: note.x, y: note.y }).y).toBeCloseTo(110);
  });
});
