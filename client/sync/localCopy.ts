import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { readMeta } from '../../shared/index.ts';
import { afterFirstRender, DeferredStore } from './deferredStore.ts';

/**
 * This device's copy of one board (y-indexeddb, one database per board): it loads into the doc
 * (a remote-origin update, so nobody's undo sees it) and stores every change from then on, local
 * or remote, so edits made offline survive a closed tab or a reload. When it opens, y-indexeddb
 * also stores the whole doc as it is then; so when the board was downloaded before the app ran,
 * the copy opens after the first render (or at the first edit): opening it earlier would encode
 * the whole board on the way to that render, and the deferred store would encode it again.
 */
export class LocalCopy {
  private readonly boardId: string;
  private readonly doc: Y.Doc;
  private readonly onLoaded: () => void;
  private local: IndexeddbPersistence | null = null;
  private store: DeferredStore | null = null;
  private cancelLater = () => {};
  private stopped = false;

  /** `onLoaded` runs once the copy is in the doc, if it holds this board. */
  constructor(boardId: string, doc: Y.Doc, onLoaded: () => void) {
    this.boardId = boardId;
    this.doc = doc;
    this.onLoaded = onLoaded;
  }

  get isOpen(): boolean {
    return this.local !== null;
  }

  /** Opens the copy now (once; never after close). */
  open = (): void => {
    if (this.local || this.stopped) return;
    this.cancelLater();
    this.local = new IndexeddbPersistence(`journeyboard:${this.boardId}`, this.doc);
    this.store = new DeferredStore(this.local);
    void this.local.whenSynced.then(() => {
      if (readMeta(this.doc).boardId === this.boardId) this.onLoaded();
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

  /** Closes the database; the copy stays for next time. */
  close(): void {
    this.store?.close();
    void this.local?.destroy();
  }
}
