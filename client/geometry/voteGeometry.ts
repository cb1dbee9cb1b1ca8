import type { Rect } from './geometry.ts';

/** How a note shows my dots while a round is open: up to this many circles, then "+n". */
export const MAX_DRAWN_DOTS = 6;
export const DOT_R = 6.5;
const DOT_STEP = 16;
const PLUS_W = 24;

/**
 * My dots keep a readable size when zoomed out: drawn `k` times larger in board units
 * (1 at 100% and closer, up to 2 when zoomed out to 50% or less).
 */
export function voteMarkScale(cameraScale: number): number {
  return Math.min(2, Math.max(1, 1 / cameraScale));
}

/**
 * My dots sit in a pill on the note's bottom edge, right-aligned, standing out below it by at most
 * 5 units (half the gap between notes, so it never reaches the next note's badges or label,
 * however large it is drawn); the same rect is the click target that takes a dot back. Board
 * coordinates; `k` from voteMarkScale.
 */
export function myDotsRect(note: Rect, count: number, k = 1): Rect {
  const drawn = Math.min(count, MAX_DRAWN_DOTS);
  const width = (drawn * DOT_STEP + (count > MAX_DRAWN_DOTS ? PLUS_W : 0) + 8) * k;
  const height = (2 * DOT_R + 6) * k;
  return {
    x: note.x + note.width - width - 6,
    y: note.y + note.height + Math.min(height / 2, 5) - height,
    width,
    height,
  };
}

/** Centre of the i-th dot inside the pill (relative to the pill). */
export function dotCentre(i: number): { x: number; y: number } {
  return { x: 4 + DOT_STEP / 2 + i * DOT_STEP, y: DOT_R + 3 };
}

export function contains(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}
