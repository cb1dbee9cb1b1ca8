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
  private timer: number | null = null;
  private idle: number | null = null;
  private closed = false;
  private readonly local: IndexeddbPersistence;

  constructor(local: IndexeddbPersistence) {
    this.local = local;
    window.addEventListener('pagehide', this.flush);
  }

  request = (): void => {
    if (this.closed || this.timer !== null || this.idle !== null) return;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.idle = whenIdle(() => {
        this.idle = null;
        void this.local.whenSynced.then(() => this.store());
      });
    }, DELAY_MS);
  };

  /** Stores now if a store is waiting (and the local copy is open). */
  flush = (): void => {
    if (this.timer === null && this.idle === null) return;
    this.cancel();
    if (this.local.synced) this.store();
  };

  close(): void {
    this.cancel();
    this.closed = true;
    window.removeEventListener('pagehide', this.flush);
  }

  private cancel(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    if (this.idle !== null) cancelIdle(this.idle);
    this.timer = this.idle = null;
  }

  private store(): void {
    // A failed write leaves the local copy as it was: the server has the board.
    if (!this.closed) void storeState(this.local).catch(() => {});
  }
}

const whenIdle = (cb: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(cb, 0);
const cancelIdle = (handle: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : window.clearTimeout(handle));
