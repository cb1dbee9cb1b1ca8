import { expand, type Rect } from './geometry.ts';

/** Culling works on a coarse grid so panning re-filters notes only when a tile boundary is crossed. */
export const CULL_TILE = 512;

/**
 * The board area whose notes the stage mounts (Konva draws every mounted node, on the canvas or
 * not). Normally what the stage draws, the visible rect plus the pan margin (`marginUnits`),
 * rounded out to culling tiles, so that panning within them keeps the same area. For a board's
 * first frame only what is on screen (`onScreenOnly`): at the opening zoom the tiles and margin
 * hold two to three times the notes the screen shows, and the first paint waits for all of them.
 */
export function drawnArea(visible: Rect, marginUnits: number, onScreenOnly: boolean): Rect {
  if (onScreenOnly) return visible;
  const vis = expand(visible, marginUnits);
  const x0 = Math.floor(vis.x / CULL_TILE);
  const y0 = Math.floor(vis.y / CULL_TILE);
  const x1 = Math.ceil((vis.x + vis.width) / CULL_TILE);
  const y1 = Math.ceil((vis.y + vis.height) / CULL_TILE);
  return { x: x0 * CULL_TILE, y: y0 * CULL_TILE, width: (x1 - x0) * CULL_TILE, height: (y1 - y0) * CULL_TILE };
}

/** Same rect, same object: a memo keyed on the area is kept while panning within its tiles. */
export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
