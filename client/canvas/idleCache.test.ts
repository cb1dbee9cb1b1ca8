import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheWhenIdle, inViewFirst, pauseCaching, SETTLE_MS } from './idleCache.ts';
import { NOTE_W } from '../geometry/layout.ts';

describe('inViewFirst', () => {
  it('puts the notes on screen first, keeping each part in its order, through the camera transform', () => {
    // The camera: the board moved left by 1,000 and shown at 50 %.
    const camera = new Konva.Group({ x: -1000, y: 0, scaleX: 0.5, scaleY: 0.5 });
    const at = (x: number, y: number) => {
      const g = new Konva.Group({ x, y });
      camera.add(g);
      return g;
    };
    const leftOff = at(0, 0); // screen x -1000: board x below 2000 is off screen
    const on1 = at(2100, 100);
    const below = at(2100, 5000); // screen y 2500: below a 900 px screen
    const edge = at(2000 - NOTE_W + 4, 100); // its right edge just on screen
    const on2 = at(4000, 1600);
    const right = at(2000 + 2 * 1440, 100); // screen x 1440: just off
    const order = inViewFirst([leftOff, on1, below, edge, on2, right], () => ({ width: 1440, height: 900 }));
    expect(order).toEqual([on1, edge, on2, leftOff, below, right]);
  });

  it('treats a note with no screen as off screen', () => {
    const g = new Konva.Group();
    expect(inViewFirst([g], () => null)).toEqual([g]);
  });
});

describe('cacheWhenIdle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // An idle period of 50 ms whenever the queue asks for one.
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) =>
      setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 50 }), 1),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A note group on a layer, off screen, that records when it was cached. */
  const note = () => {
    const cached: number[] = [];
    const group = {
      getLayer: () => ({}),
      getStage: () => null,
      cache: () => cached.push(performance.now()),
    } as unknown as Konva.Group;
    return { group, cached };
  };

  it('caches a new note at the first idle time', () => {
    const a = note();
    cacheWhenIdle(a.group, 2);
    vi.advanceTimersByTime(5);
    expect(a.cached).toHaveLength(1);
  });

  it('caches a changed note only once it has not changed for SETTLE_MS, while new notes go at once', () => {
    const typed = note();
    const fresh = note();
    let cancel = cacheWhenIdle(typed.group, 2, true);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    // Changed again (the effect's cleanup, then the new content): the wait starts over.
    cancel();
    cancel = cacheWhenIdle(typed.group, 2, true);
    cacheWhenIdle(fresh.group, 2);
    vi.advanceTimersByTime(5);
    expect(fresh.cached).toHaveLength(1);
    expect(typed.cached).toHaveLength(0);
    vi.advanceTimersByTime(SETTLE_MS - 100);
    expect(typed.cached).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(typed.cached).toHaveLength(1);
  });

  it('forgets a note whose effect was cleaned up, and waits for a drag to end', () => {
    const gone = note();
    const later = note();
    cacheWhenIdle(gone.group, 2)();
    const resume = pauseCaching();
    cacheWhenIdle(later.group, 2);
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(later.cached).toHaveLength(0);
    resume();
    vi.advanceTimersByTime(5);
    expect(later.cached).toHaveLength(1);
    expect(gone.cached).toHaveLength(0);
  });
});
