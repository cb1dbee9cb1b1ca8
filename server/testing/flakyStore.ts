import type { Repositories } from '../repositories/Repositories.ts';

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
 * Repositories whose writes throw while `failing` is true, like a full disk or a database that
 * went away, counting the calls refused. Wraps real repositories (a Proxy per repository, so it
 * follows every method they gain).
 */
export class FlakyStore {
  failing = false;
  readonly refused = new Map<string, number>();
  readonly store: Repositories;

  constructor(inner: Repositories) {
    const wrapped: Record<string, unknown> = { ...inner };
    for (const [name, repository] of Object.entries(inner))
      if (name !== 'database' && typeof repository === 'object' && repository !== null)
        wrapped[name] = this.#flaky(repository);
    this.store = wrapped as unknown as Repositories;
  }

  refusedCount(method: string): number {
    return this.refused.get(method) ?? 0;
  }

  #flaky<T extends object>(repository: T): T {
    return new Proxy(repository, {
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
}
