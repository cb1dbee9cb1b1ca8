import type { Point, Rect } from './geometry.ts';

/** screen = board * scale + (x, y) */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 3;

export function toBoard(c: Camera, p: Point): Point {
  return { x: (p.x - c.x) / c.scale, y: (p.y - c.y) / c.scale };
}

export function toScreen(c: Camera, p: Point): Point {
  return { x: p.x * c.scale + c.x, y: p.y * c.scale + c.y };
}

/** Zooms by `factor` keeping the board point under `anchor` (screen) fixed. */
export function zoomAt(c: Camera, anchor: Point, factor: number): Camera {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, c.scale * factor));
  const b = toBoard(c, anchor);
  return { scale, x: anchor.x - b.x * scale, y: anchor.y - b.y * scale };
}

export function fitRect(r: Rect, viewport: { width: number; height: number }, margin = 32, maxScale = 1): Camera {
  const scale = Math.max(
    MIN_SCALE,
    Math.min(maxScale, (viewport.width - 2 * margin) / r.width, (viewport.height - 2 * margin) / r.height),
  );
  return {
    scale,
    x: (viewport.width - r.width * scale) / 2 - r.x * scale,
    // Top-aligned: a journey reads from its stage headers down.
    y: margin - r.y * scale,
  };
}

/** The board area the viewport shows. */
export function visibleRect(c: Camera, viewport: { width: number; height: number }): Rect {
  return { x: -c.x / c.scale, y: -c.y / c.scale, width: viewport.width / c.scale, height: viewport.height / c.scale };
}

/**
 * A Konva stage of `size` drawn at the camera, `margin` wider on every side (screen = board × scale
 * + (x, y), shifted by the margin).
 */
export function stageAtCamera(c: Camera, size: { width: number; height: number }, margin = 0) {
  return {
    width: size.width + 2 * margin,
    height: size.height + 2 * margin,
    x: c.x + margin,
    y: c.y + margin,
    scaleX: c.scale,
    scaleY: c.scale,
  };
}
