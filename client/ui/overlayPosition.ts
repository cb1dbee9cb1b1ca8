import type { CSSProperties } from 'react';
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

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
const GAP = 12;
const EDGE = 8;

/**
 * Where the toolbar floats, its size measured: above the selection when there is room, else below
 * it (a note near the top put it under the top bar), else over the selection's top; never past a side.
 */
export function placeToolbar(
  r: { x: number; y: number; width: number; height: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): CSSProperties {
  const left = clamp(r.x + r.width / 2, size.width / 2 + EDGE, viewport.width - size.width / 2 - EDGE);
  if (r.y - GAP - size.height >= EDGE) return { left, top: r.y - GAP };
  const below = r.y + r.height + GAP;
  const top = below + size.height <= viewport.height - EDGE ? below : EDGE;
  return { left, top, transform: 'translate(-50%, 0)' };
}
