import type { Camera } from './camera.ts';

/**
 * How far the board is drawn beyond the canvas on every side (CSS px), so a pan can move pixels
 * already drawn: a quarter of the canvas's longer side, at most 256 px (each layer's canvas
 * grows with it, and a phone's canvases have 2-3 device pixels to the CSS pixel).
 */
export function panMargin(viewport: Size): number {
  return Math.min(256, Math.round(Math.max(viewport.width, viewport.height) / 4));
}

interface Size {
  readonly width: number;
  readonly height: number;
}

/** A CSS transform of the drawn stage: scale by `scale` about its top left corner, then move by (x, y). */
export interface Shift {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Drawn pixels scaled further than this (either way) would look blurred or too coarse: draw again. */
const MAX_STRETCH = 2;

/**
 * The transform that shows the board at `camera` with what was drawn at `drawn` (a stage of the
 * viewport plus `margin` on every side, placed `margin` above and left of the canvas), or null
 * when it cannot: the drawing would not cover the whole canvas, or be stretched past MAX_STRETCH.
 */
export function shiftFor(drawn: Camera, camera: Camera, margin: number, viewport: Size): Shift | null {
  const scale = camera.scale / drawn.scale;
  if (scale > MAX_STRETCH || scale < 1 / MAX_STRETCH) return null;
  // A stage pixel s lands on the canvas at -margin + shift + scale * s, where s = board point *
  // drawn.scale + drawn.x + margin; the board point must land at board point * camera.scale + camera.x.
  const x = camera.x + margin - scale * (drawn.x + margin);
  const y = camera.y + margin - scale * (drawn.y + margin);
  const covers = (offset: number, length: number) =>
    offset - margin <= 0 && offset - margin + scale * (length + 2 * margin) >= length;
  return covers(x, viewport.width) && covers(y, viewport.height) ? { x, y, scale } : null;
}
