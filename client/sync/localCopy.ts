import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { readMeta } from '../../shared/index.ts';
import { markLocalCopy } from '../boot/localCopyMark.ts';
import { afterFirstRender, DeferredStore } from './deferredStore.ts';

/**
 * This device's copy of one board (y-indexeddb, one database per board): it loads into the doc
 * (a remote-origin update, so nobody's undo sees it) and stores every change from then on, local
 * or remote, so edits made offline survive a closed tab or a reload. When it opens, y-indexeddb
 * also stores the whole doc as it is then; so when the board was downloaded before the app ran,
 * the copy opens after the first render (or at the first edit): opening it earlier would encode
 * the whole board on the way to that render, and the deferred store would encode it again.
 * Once it has opened with the board, the next visit opens from it (localCopyMark.ts).
 */
export class LocalCopy {
  private readonly boardId: string;
  private readonly doc: Y.Doc;
  private readonly onLoaded: () => void;
  private local: IndexeddbPersistence | null = null;
  private store: DeferredStore | null = null;
  private cancelLater = () => {};
  private stopped = false;
  private resolveLoaded!: () => void;
  private readonly loaded = new Promise<void>((r) => (this.resolveLoaded = r));

  /** `onLoaded` runs once the copy is in the doc, if it holds this board. */
  constructor(boardId: string, doc: Y.Doc, onLoaded: () => void) {
    this.boardId = boardId;
    this.doc = doc;
    this.onLoaded = onLoaded;
  }

  get isOpen(): boolean {
    return this.local !== null;
  }

  /** True for the transactions that load the copy into the doc (their origin is the copy). */
  isLoading(origin: unknown): boolean {
    return origin !== null && origin === this.local;
  }

  /** Resolves once the copy is in the doc, whatever it held, or after `timeoutMs`. */
  whenLoaded(timeoutMs: number): Promise<void> {
    return Promise.race([this.loaded, new Promise<void>((r) => setTimeout(r, timeoutMs))]);
  }

  /** Opens the copy now (once; never after close). */
  open = (): void => {
    if (this.local || this.stopped) return;
    this.cancelLater();
    this.local = new IndexeddbPersistence(`journeyboard:${this.boardId}`, this.doc);
    this.store = new DeferredStore(this.local);
    const start = performance.now();
    void this.local.whenSynced.then(() => {
      // In DevTools' timings and the big-board benchmark: a return visit's opening.
      performance.measure('journeyboard:open-local-copy', { start });
      const held = readMeta(this.doc).boardId === this.boardId;
      if (held) this.onLoaded();
      else markLocalCopy(this.boardId, false);
      this.resolveLoaded();
      if (held && this.local)
        whenWritten(this.local).then(
          () => markLocalCopy(this.boardId, true),
          () => {},
        );
    });
  };

  /** Opens the copy after the first render, unless something opens it sooner. */
  openAfterFirstRender(): void {
    if (this.local === null) this.cancelLater = afterFirstRender(this.open);
  }

  /** Stores the whole doc in one piece, soon (after the first sync; see deferredStore.ts). */
  requestStore(): void {
    this.store?.request();
  }

  /** Stops opening it (the board is closing). */
  stopOpening(): void {
    this.stopped = true;
    this.cancelLater();
  }

  /** Deletes the copy from this device (access to the board was taken away); never opens again. */
  async forget(): Promise<void> {
    this.stopOpening();
    markLocalCopy(this.boardId, false);
    this.store?.close();
    const local = this.local;
    this.local = null;
    // y-indexeddb's clearData closes the database first; unopened, delete it by its name.
    if (local) await local.clearData();
    else await deleteDatabase(`journeyboard:${this.boardId}`);
  }

  /** Closes the database; the copy stays for next time. */
  close(): void {
    this.store?.close();
    void this.local?.destroy();
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Blocked by another tab that holds it open: it is deleted once that tab lets go.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * Resolves once what y-indexeddb wrote on opening (the whole doc, when it opened after the board
 * arrived) is committed: a transaction on the same store runs only after earlier writing ones
 * have. Marked before that, a tab closed meanwhile would leave a mark on a copy without the board.
 */
function whenWritten(local: IndexeddbPersistence): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!local.db) return reject(new Error('the local copy is closed'));
    const tx = local.db.transaction('updates', 'readonly');
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}
