import type { Camera } from '../geometry/camera.ts';
import type { Rect } from '../geometry/geometry.ts';

/** Screen rect of a board rect, for HTML placed exactly over the canvas. */
export function screenRect(camera: Camera, r: Rect): Rect {
  return {
    x: r.x * camera.scale + camera.x,
    y: r.y * camera.scale + camera.y,
    width: r.width * camera.scale,
    height: r.height * camera.scale,
  };
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** `box` (on screen at `scale`) grown to `readable` scale around its centre, kept on the screen's top-left. */
export function readableBox(
  box: { x: number; y: number; width: number; height: number },
  scale: number,
  readable: number,
) {
  if (readable <= scale) return box;
  const k = readable / scale;
  const [width, height] = [box.width * k, box.height * k];
  return {
    x: Math.max(4, box.x + box.width / 2 - width / 2),
    y: Math.max(4, box.y + box.height / 2 - height / 2),
    width,
    height,
  };
}
