import { storeState, type IndexeddbPersistence } from 'y-indexeddb';

/** Long enough for a big board's first render and its first idle-time work to be done. */
const DELAY_MS = 3_000;
const IDLE_TIMEOUT_MS = 5_000;

/**
 * Writes the whole doc into its local copy (y-indexeddb's `storeState`: one encoded state, older
 * rows dropped) a while after it is asked, when the page is idle; at once if the tab is left.
 * For a state the local copy did not receive as updates (the first sync, firstSyncEncoding.ts).
 */
export class DeferredStore {
  private cancelWait: (() => void) | null = null;
  private closed = false;
  private readonly local: IndexeddbPersistence;

  constructor(local: IndexeddbPersistence) {
    this.local = local;
    window.addEventListener('pagehide', this.flush);
  }

  request = (): void => {
    if (this.closed || this.cancelWait) return;
    this.cancelWait = afterFirstRender(() => {
      this.cancelWait = null;
      void this.local.whenSynced.then(() => this.store());
    });
  };

  /** Stores now if a store is waiting (and the local copy is open). */
  flush = (): void => {
    if (!this.cancelWait) return;
    this.cancel();
    if (this.local.synced) this.store();
  };

  close(): void {
    this.cancel();
    this.closed = true;
    window.removeEventListener('pagehide', this.flush);
  }

  private cancel(): void {
    this.cancelWait?.();
    this.cancelWait = null;
  }

  private store(): void {
    // A failed write leaves the local copy as it was: the server has the board.
    if (!this.closed) void storeState(this.local).catch(() => {});
  }
}

/**
 * Runs `cb` once a big board's first render and its first idle-time work are done: DELAY_MS
 * later, when the page is idle (at the latest IDLE_TIMEOUT_MS after that). Returns a cancel.
 */
export function afterFirstRender(cb: () => void): () => void {
  let idle: number | null = null;
  const timer = window.setTimeout(() => {
    idle = whenIdle(() => {
      idle = null;
      cb();
    });
  }, DELAY_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== null) cancelIdle(idle);
  };
}

const whenIdle = (cb: () => void): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(cb, { timeout: IDLE_TIMEOUT_MS })
    : window.setTimeout(cb, 0);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : window.clearTimeout(handle);
