import { type Camera, MAX_SCALE, MIN_SCALE, toBoard, toScreen } from './camera.ts';
import type { Point, Rect } from './geometry.ts';

/** A finger that moved less than this (CSS px) since it touched down is still a tap or a hold. */
export const TAP_SLOP = 10;
/** Held still this long on a note, a finger picks the note up (a long-press). */
export const LONG_PRESS_MS = 450;
/** A finger that starts moving on a note after this short hold drags the note; sooner, it pans. */
export const DRAG_HOLD_MS = 250;
/** Two taps within this time and distance are a double-tap. */
export const DOUBLE_TAP_MS = 350;
const DOUBLE_TAP_SLOP = 30;
/** While a note is dragged this close to the canvas edge, the board scrolls under it. */
const EDGE_ZONE = 48;
/** The fastest edge scroll, in CSS px per frame, reached at the very edge. */
export const EDGE_SPEED = 14;

export interface Tap {
  readonly at: number;
  readonly point: Point;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

export function beyondSlop(start: Point, now: Point, slop = TAP_SLOP): boolean {
  return distance(start, now) > slop;
}

/**
 * Two fingers moved from `from` to `to` (screen points): the camera that keeps the board point
 * under their first midpoint under their midpoint now, scaled by how far apart they moved.
 * A pinch is a zoom and a pan at once.
 */
export function pinchCamera(start: Camera, from: readonly [Point, Point], to: readonly [Point, Point]): Camera {
  const d0 = distance(from[0], from[1]);
  const d1 = distance(to[0], to[1]);
  const factor = d0 > 0 && d1 > 0 ? d1 / d0 : 1;
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, start.scale * factor));
  const anchor = toBoard(start, midpoint(from[0], from[1]));
  const m = midpoint(to[0], to[1]);
  return { scale, x: m.x - anchor.x * scale, y: m.y - anchor.y * scale };
}

/** Whether `tap` completes a double-tap begun by `previous`. */
export function isDoubleTap(previous: Tap | null, tap: Tap): boolean {
  return (
    previous !== null &&
    tap.at - previous.at <= DOUBLE_TAP_MS &&
    !beyondSlop(previous.point, tap.point, DOUBLE_TAP_SLOP)
  );
}

/**
 * How far to scroll the board (CSS px this frame; camera x/y grow by it) while a dragged note is
 * at `p` in a viewport of `size`: zero away from the edges, up to EDGE_SPEED at an edge, towards it.
 */
export function edgeScroll(p: Point, size: { width: number; height: number }): Point {
  const axis = (v: number, length: number) => {
    if (length <= 2 * EDGE_ZONE) return 0;
    if (v < EDGE_ZONE) return EDGE_SPEED * Math.min(1, (EDGE_ZONE - v) / EDGE_ZONE);
    if (v > length - EDGE_ZONE) return -EDGE_SPEED * Math.min(1, (v - (length - EDGE_ZONE)) / EDGE_ZONE);
    return 0;
  };
  return { x: axis(p.x, size.width), y: axis(p.y, size.height) };
}

/**
 * The camera that keeps `note` (board coordinates) inside the part of the canvas the on-screen
 * keyboard leaves visible (`visibleTop` to `visibleBottom`, canvas coordinates), with `margin`
 * to spare; unchanged when it already is. A note taller than the room is aligned to its top.
 */
export function keepAboveKeyboard(
  camera: Camera,
  note: Rect,
  visibleTop: number,
  visibleBottom: number,
  margin = 12,
): Camera {
  const top = toScreen(camera, { x: note.x, y: note.y }).y;
  const bottom = top + note.height * camera.scale;
  let dy = 0;
  if (bottom > visibleBottom - margin) dy = visibleBottom - margin - bottom;
  if (top + dy < visibleTop + margin) dy = visibleTop + margin - top;
  return dy === 0 ? camera : { ...camera, y: camera.y + dy };
}
