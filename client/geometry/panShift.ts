import type { Camera } from './camera.ts';

/**
 * How far the board is drawn beyond the canvas on every side (CSS px), so a pan can move pixels
 * already drawn: a quarter of the canvas's longer side, at most 256 px (each layer's canvas
 * grows with it, and a phone's canvases have 2-3 device pixels to the CSS pixel).
 */
export function panMargin(viewport: { width: number; height: number }): number {
  return Math.min(256, Math.round(Math.max(viewport.width, viewport.height) / 4));
}

/**
 * The CSS offset that shows the board at `camera` by moving what was drawn at `drawn`, or null
 * when it cannot: the zoom differs, or the pan went past the drawn margin.
 */
export function panShift(drawn: Camera, camera: Camera, margin: number): { x: number; y: number } | null {
  if (camera.scale !== drawn.scale) return null;
  const x = camera.x - drawn.x;
  const y = camera.y - drawn.y;
  return Math.abs(x) <= margin && Math.abs(y) <= margin ? { x, y } : null;
}
