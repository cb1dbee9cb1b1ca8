import { describe, expect, it } from 'vitest';
import { toScreen } from './camera.ts';
import { panMargin, shiftFor } from './drawnShift.ts';

const viewport = { width: 800, height: 600 };
const margin = 200;

/** Where the shifted drawing shows board point `p` on the canvas. */
function shown(
  drawn: { x: number; y: number; scale: number },
  p: { x: number; y: number },
  s: { x: number; y: number; scale: number },
) {
  const stage = { x: p.x * drawn.scale + drawn.x + margin, y: p.y * drawn.scale + drawn.y + margin };
  return { x: -margin + s.x + s.scale * stage.x, y: -margin + s.y + s.scale * stage.y };
}

describe('shiftFor', () => {
  const drawn = { x: 100, y: -50, scale: 1.5 };

  it('a pan within the margin moves the drawn pixels by the camera offset', () => {
    expect(shiftFor(drawn, { x: 130, y: -200, scale: 1.5 }, margin, viewport)).toEqual({ x: 30, y: -150, scale: 1 });
    expect(shiftFor(drawn, drawn, margin, viewport)).toEqual({ x: 0, y: 0, scale: 1 });
  });

  it('a pan past the margin, on either axis, needs a new drawing', () => {
    expect(shiftFor(drawn, { x: 301, y: -50, scale: 1.5 }, margin, viewport)).toBeNull();
    expect(shiftFor(drawn, { x: 100, y: -251, scale: 1.5 }, margin, viewport)).toBeNull();
  });

  it('a zoom scales the drawn pixels so every board point shows where the camera puts it', () => {
    const camera = { x: 40, y: -120, scale: 2.1 };
    const s = shiftFor(drawn, camera, margin, viewport)!;
    expect(s.scale).toBeCloseTo(1.4);
    for (const p of [
      { x: 0, y: 0 },
      { x: 300, y: 120 },
    ]) {
      const a = shown(drawn, p, s);
      const b = toScreen(camera, p);
      expect(a.x).toBeCloseTo(b.x);
      expect(a.y).toBeCloseTo(b.y);
    }
  });

  it('a zoom out that would show the edge of the drawing, or a stretch past 2x, needs a new drawing', () => {
    expect(shiftFor(drawn, { ...drawn, scale: 1.2 }, margin, viewport)).not.toBeNull();
    expect(shiftFor(drawn, { ...drawn, scale: 1 }, margin, viewport)).toBeNull();
    expect(shiftFor(drawn, { x: -400, y: -400, scale: 3.1 }, margin, viewport)).toBeNull();
  });
});

describe('panMargin', () => {
  it('is a quarter of the longer side, at most 256 px', () => {
    expect(panMargin({ width: 1440, height: 900 })).toBe(256);
    expect(panMargin({ width: 390, height: 700 })).toBe(175);
  });
});
