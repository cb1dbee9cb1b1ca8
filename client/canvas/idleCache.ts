import Konva from 'konva';

/**
 * Notes are cached as bitmaps when the browser is idle (a few ms each: hundreds of them must never
 * hold up opening a board, zooming in or a drag). One queue, worked through while the idle period
 * lasts; a callback that timed out does one note, so a busy page still makes progress.
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
    for (const [group, pixelRatio] of queue) {
      queue.delete(group);
      if (group.getLayer()) group.cache({ pixelRatio, offset: 4 });
      if (deadline.timeRemaining() < COST_MS) break;
    }
  } finally {
    Konva.autoDrawEnabled = autoDraw;
  }
  schedule();
}

const whenIdle: (cb: (d: IdleDeadline) => void) => number =
  typeof requestIdleCallback === 'function'
    ? (cb) => requestIdleCallback(cb, { timeout: 1000 })
    : (cb) => window.setTimeout(() => cb({ didTimeout: true, timeRemaining: () => 0 }), 50);
