import type * as Y from 'yjs';
import { metaMap, recordsMap } from '../../shared/doc/boardDoc.ts';

/**
 * Which parts of the board this person changed that the server has not acknowledged yet: the
 * records (notes, stages, lanes) and the board's meta touched by local transactions since the
 * last complete sync. Kept in localStorage beside the y-indexeddb copy, so after a reload while
 * offline the pill still says how many changes are waiting. Counted per record, not per
 * keystroke: typing a note is one change.
 */
export class PendingChanges {
  private readonly key: string;
  private readonly ids: Set<string>;
  private readonly listeners = new Set<() => void>();
  private readonly doc: Y.Doc;

  constructor(boardId: string, doc: Y.Doc) {
    this.key = `journeyboard.pending.${boardId}`;
    this.doc = doc;
    this.ids = new Set(readList(this.key));
    doc.on('afterTransaction', this.onTransaction);
  }

  get count(): number {
    return this.ids.size;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server has everything: nothing is waiting. */
  clear(): void {
    if (this.ids.size === 0) return;
    this.ids.clear();
    this.save();
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    // Remote updates (the provider, the local copy loading) arrive through applyUpdate: local=false.
    if (!tr.local) return;
    const records: unknown = recordsMap(this.doc);
    const meta: unknown = metaMap(this.doc);
    const before = this.ids.size;
    tr.changed.forEach((keys, type: unknown) => {
      if (type === records) keys.forEach((k) => k && this.ids.add(k));
      else if (type === meta) this.ids.add('meta');
      else {
        const id = recordIdOf(type as Y.AbstractType<unknown>, records);
        if (id) this.ids.add(id);
      }
    });
    if (this.ids.size !== before) this.save();
  };

  private save(): void {
    try {
      if (this.ids.size === 0) localStorage.removeItem(this.key);
      else localStorage.setItem(this.key, JSON.stringify([...this.ids]));
    } catch {
      // Storage full or blocked: the count is only shown, the edits themselves are in IndexedDB.
    }
    for (const l of this.listeners) l();
  }
}

/** The key under `records` of the record that contains `type` (a note's map or its text). */
function recordIdOf(type: Y.AbstractType<unknown>, records: unknown): string | null {
  let t: Y.AbstractType<unknown> | null = type;
  while (t?._item) {
    if (t._item.parent === records) return t._item.parentSub;
    t = t._item.parent as Y.AbstractType<unknown> | null;
  }
  return null;
}

function readList(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
