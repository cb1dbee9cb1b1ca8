/**
 * Values derived from a board's document (its snapshot, its comment counts), kept per board while
 * the document's version is unchanged: a script or dashboard polling the priority list decodes
 * the stored board once per change instead of once per request. The caller reads the version
 * before deriving, so a value is never older than the version it is kept under; a change made
 * meanwhile only costs one more derivation. The least recently used board goes first past
 * `maxEntries`. Values are shared between requests: callers must not change them.
 */
export class VersionedValues<T> {
  readonly #entries = new Map<string, { readonly version: string; readonly value: T }>();
  readonly #maxEntries: number;

  constructor(maxEntries = 32) {
    this.#maxEntries = maxEntries;
  }

  /** The value kept for `key` at `version`, else `derive()`'s, then kept. A failure is not kept. */
  async get(key: string, version: string, derive: () => T | Promise<T>): Promise<T> {
    const kept = this.#entries.get(key);
    // Map order is insertion order: moved to the end, it is the most recently used.
    this.#entries.delete(key);
    if (kept?.version === version) {
      this.#entries.set(key, kept);
      return kept.value;
    }
    const value = await derive();
    while (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { version, value });
    return value;
  }
}
