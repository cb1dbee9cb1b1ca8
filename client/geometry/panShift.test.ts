import { describe, expect, it } from 'vitest';
import { panMargin, panShift } from './panShift.ts';

describe('panShift', () => {
  const drawn = { x: 100, y: -50, scale: 1.5 };

  it('a pan within the margin moves the drawn pixels by the camera offset', () => {
    expect(panShift(drawn, { x: 130, y: -290, scale: 1.5 }, 256)).toEqual({ x: 30, y: -240 });
    expect(panShift(drawn, drawn, 256)).toEqual({ x: 0, y: 0 });
  });

  it('a pan past the margin, on either axis, or any zoom needs a new drawing', () => {
    expect(panShift(drawn, { x: 357, y: -50, scale: 1.5 }, 256)).toBeNull();
    expect(panShift(drawn, { x: 100, y: -307, scale: 1.5 }, 256)).toBeNull();
    expect(panShift(drawn, { ...drawn, scale: 1.6 }, 256)).toBeNull();
  });
});

describe('panMargin', () => {
  it('is a quarter of the longer side, at most 256 px', () => {
    expect(panMargin({ width: 1440, height: 900 })).toBe(256);
    expect(panMargin({ width: 390, height: 700 })).toBe(175);
  });
});
