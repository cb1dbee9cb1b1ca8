import Konva from 'konva';
import { describe, expect, it } from 'vitest';
import { inViewFirst } from './idleCache.ts';
import { NOTE_W } from './layout.ts';

describe('inViewFirst', () => {
  it('puts the notes on screen first, keeping each part in its order, through the camera transform', () => {
    // The camera: the board moved left by 1,000 and shown at 50 %.
    const camera = new Konva.Group({ x: -1000, y: 0, scaleX: 0.5, scaleY: 0.5 });
    const at = (x: number, y: number) => {
      const g = new Konva.Group({ x, y });
      camera.add(g);
      return g;
    };
    const leftOff = at(0, 0); // screen x -1000: board x below 2000 is off screen
    const on1 = at(2100, 100);
    const below = at(2100, 5000); // screen y 2500: below a 900 px screen
    const edge = at(2000 - NOTE_W + 4, 100); // its right edge just on screen
    const on2 = at(4000, 1600);
    const right = at(2000 + 2 * 1440, 100); // screen x 1440: just off
    const order = inViewFirst([leftOff, on1, below, edge, on2, right], () => ({ width: 1440, height: 900 }));
    expect(order).toEqual([on1, edge, on2, leftOff, below, right]);
  });

  it('treats a note with no screen as off screen', () => {
    const g = new Konva.Group();
    expect(inViewFirst([g], () => null)).toEqual([g]);
  });
});
