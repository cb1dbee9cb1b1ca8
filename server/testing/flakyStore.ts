import type { BoardStore } from '../storage/BoardStore.ts';

/** The writes a failing disk or database refuses (reads keep working, as they often do). */
const WRITES = new Set<PropertyKey>([
  'appendUpdate',
  'compact',
  'compactIfCurrent',
  'addCheckpoint',
  'createBoard',
  'appendBoardDocumentUpdate',
  'compactBoardDocument',
  'compactBoardDocumentIfCurrent',
  'saveWorkshopState',
  'replaceWorkshopState',
]);

/**
 * A BoardStore that throws on every write while `failing` is true, like a full disk or a database
 * that went away, and counts the calls it refused. Wraps a real store (a Proxy, so it follows
 * every method the interface gains).
 */
export class FlakyStore {
  failing = false;
  readonly refused = new Map<string, number>();
  readonly store: BoardStore;

  constructor(inner: BoardStore) {
    this.store = new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (this.failing && WRITES.has(prop)) {
          return () => {
            this.refused.set(String(prop), (this.refused.get(String(prop)) ?? 0) + 1);
            return Promise.reject(new Error(`ENOSPC: no space left on device (injected into ${String(prop)})`));
          };
        }
        return (value as (...args: unknown[]) => unknown).bind(target);
      },
    });
  }

  refusedCount(method: string): number {
    return this.refused.get(method) ?? 0;
  }
}
