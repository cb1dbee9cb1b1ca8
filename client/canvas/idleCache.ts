import Konva from 'konva';
import { NOTE_H, NOTE_W } from '../geometry/layout.ts';

/**
 * Notes are cached as bitmaps when the browser is idle (a few ms each: hundreds of them must never
 * hold up opening a board, zooming in or a drag). One queue, notes on screen first, worked through
 * in short slices while the page is idle; when the page was busy for TIMEOUT_MS (drawing uncached
 * notes is what keeps it busy), a longer slice, so a busy page still gets its notes cached.
 * Paused while a drag is up; a note whose content changed waits until it has settled (SETTLE_MS).
 *
 * Caching draws nothing new: the bitmap looks like the live drawing, so it is made with
 * `autoDrawEnabled` off. Konva would otherwise redraw the whole notes layer after every note it
 * caches: each drag and pan frame would be a full redraw while caching catches up.
 */
interface Entry {
  readonly pixelRatio: number;
  /** performance.now() before which the note is left live (SETTLE_MS after a change). */
  readonly notBefore: number;
}
const queue = new Map<Konva.Group, Entry>();
let handle: number | null = null;
let wake: ReturnType<typeof setTimeout> | null = null;
let pauses = 0;

/** Caching one note costs 0.5-0.9 ms (bench/bigBoard); no new one is started with less idle time left. */
const COST_MS = 1;
/** When the page was never idle for TIMEOUT_MS (frames slower than they would be cached), a slice this long. */
const TIMEOUT_MS = 250;
const BUSY_SLICE_MS = 50;
/**
 * Whatever arrives during a slice (a remote edit, a key press) waits for it to end, so slices are
 * short and the next idle callback takes over; a 100 % view still caches as fast (docs/performance.md).
 */
const IDLE_SLICE_MS = 4;
/**
 * A note whose content changed is cached again only once it has not changed for this long, so a
 * note being written (someone typing, remotely or here) is not cached into a bitmap that the next
 * keystroke throws away. Drawn live meanwhile, it costs a few µs a frame more than its bitmap.
 */
export const SETTLE_MS = 1000;
/** A note's bounds in its own space (the shadow sits 2 below): Konva need not measure its text for them. */
const BOUNDS = { x: 0, y: 0, width: NOTE_W, height: NOTE_H + 2, offset: 4 };

/** `changed`: the note was cached before and its content changed; it is cached again once settled. */
export function cacheWhenIdle(group: Konva.Group, pixelRatio: number, changed = false): () => void {
  queue.set(group, { pixelRatio, notBefore: changed ? performance.now() + SETTLE_MS : 0 });
  schedule();
  return () => queue.delete(group);
}

/** No caching until the returned function is called (a drag: its frames must stay short). */
export function pauseCaching(): () => void {
  pauses++;
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    pauses--;
    schedule();
  };
}

function schedule(): void {
  if (handle !== null || pauses > 0 || queue.size === 0) return;
  const now = performance.now();
  let next = Infinity;
  for (const entry of queue.values()) {
    next = Math.min(next, entry.notBefore);
    if (next <= now) break;
  }
  if (wake !== null) clearTimeout(wake);
  wake = null;
  if (next <= now) handle = whenIdle(work);
  else
    wake = setTimeout(() => {
      wake = null;
      schedule();
    }, next - now);
}

function work(deadline: IdleDeadline): void {
  handle = null;
  if (pauses > 0) return; // resumed by pauseCaching's release
  const autoDraw = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    const now = performance.now();
    const sliceEnd = now + (deadline.didTimeout ? BUSY_SLICE_MS : IDLE_SLICE_MS);
    const ready = [...queue].filter(([, entry]) => entry.notBefore <= now).map(([group]) => group);
    for (const group of inViewFirst(ready)) {
      const { pixelRatio } = queue.get(group)!;
      queue.delete(group);
      if (group.getLayer()) group.cache({ ...BOUNDS, pixelRatio });
      if (performance.now() > sliceEnd || (!deadline.didTimeout && deadline.timeRemaining() < COST_MS)) break;
    }
  } finally {
    Konva.autoDrawEnabled = autoDraw;
  }
  schedule();
}

/**
 * Notes on screen first: they are what the next frames draw (a pan right after zooming in drew
 * hundreds of uncached notes while the ones off screen were cached first). Notes off screen are
 * mounted too, half a viewport around it, so that a pan does not mount them.
 */
export function inViewFirst(
  groups: readonly Konva.Group[],
  screenOf: (g: Konva.Group) => Size | null = stageSize,
): Konva.Group[] {
  const onScreen: Konva.Group[] = [];
  const offScreen: Konva.Group[] = [];
  for (const g of groups) (isOnScreen(g, screenOf(g)) ? onScreen : offScreen).push(g);
  return onScreen.concat(offScreen);
}

interface Size {
  readonly width: number;
  readonly height: number;
}

const stageSize = (g: Konva.Group): Size | null => g.getStage()?.size() ?? null;

function isOnScreen(group: Konva.Group, screen: Size | null): boolean {
  if (!screen) return false;
  const t = group.getAbsoluteTransform();
  const a = t.point({ x: BOUNDS.x, y: BOUNDS.y });
  const b = t.point({ x: BOUNDS.x + BOUNDS.width, y: BOUNDS.y + BOUNDS.height });
  return b.x > 0 && b.y > 0 && a.x < screen.width && a.y < screen.height;
}

function whenIdle(cb: (d: IdleDeadline) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(cb, { timeout: TIMEOUT_MS });
  return setTimeout(() => cb({ didTimeout: true, timeRemaining: () => 0 }), 50) as unknown as number;
}
