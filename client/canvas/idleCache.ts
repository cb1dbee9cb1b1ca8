import Konva from 'konva';
import { NOTE_H, NOTE_W } from './layout.ts';

/**
 * Notes are cached as bitmaps when the browser is idle (a few ms each: hundreds of them must never
 * hold up opening a board, zooming in or a drag). One queue, worked through while the idle period
 * lasts; when the page was busy for TIMEOUT_MS (drawing uncached notes is what keeps it busy), a
 * short slice, so a busy page still gets its notes cached. Paused while a drag is up.
 *
 * Caching draws nothing new: the bitmap looks like the live drawing, so it is made with
 * `autoDrawEnabled` off. Konva would otherwise redraw the whole notes layer after every note it
 * cached, which made each drag and pan frame a full redraw while caching caught up (bench/bigBoard).
 */
const queue = new Map<Konva.Group, number>();
let handle: number | null = null;
let pauses = 0;

/** Estimated cost of caching one note; no new one is started with less idle time left. */
const COST_MS = 4;
/** When the page was never idle for TIMEOUT_MS (frames slower than they would be cached), a slice this long. */
const TIMEOUT_MS = 250;
const BUSY_SLICE_MS = 50;
/** A note's bounds in its own space (the shadow sits 2 below): Konva need not measure its text for them. */
const BOUNDS = { x: 0, y: 0, width: NOTE_W, height: NOTE_H + 2, offset: 4 };

export function cacheWhenIdle(group: Konva.Group, pixelRatio: number): () => void {
  queue.set(group, pixelRatio);
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
  if (handle === null && pauses === 0 && queue.size > 0) handle = whenIdle(work);
}

function work(deadline: IdleDeadline): void {
  handle = null;
  if (pauses > 0) return; // resumed by pauseCaching's release
  const autoDraw = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    const sliceEnd = performance.now() + BUSY_SLICE_MS;
    for (const [group, pixelRatio] of queue) {
      queue.delete(group);
      if (group.getLayer()) group.cache({ ...BOUNDS, pixelRatio });
      if (deadline.didTimeout ? performance.now() > sliceEnd : deadline.timeRemaining() < COST_MS) break;
    }
  } finally {
    Konva.autoDrawEnabled = autoDraw;
  }
  schedule();
}

const whenIdle: (cb: (d: IdleDeadline) => void) => number =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: TIMEOUT_MS })
    : (cb) => window.setTimeout(() => cb({ didTimeout: true, timeRemaining: () => 0 }), 50);
