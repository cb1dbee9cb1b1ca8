/**
 * At most `max` attempts per key (a client address) in a fixed window. Kept in memory, so each
 * instance counts its own; that bounds guessing without a round trip to the database, and the
 * codes it protects are 256 random bits anyway.
 */
export class AttemptWindow {
  private readonly max: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly counts = new Map<string, { count: number; resetAt: number }>();

  constructor(options: { max: number; windowMs: number; now?: () => number }) {
    this.max = options.max;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
  }

  /** Counts an attempt for `key`; false (and not counted) once the window's budget is spent. */
  take(key: string): boolean {
    const now = this.now();
    const entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      // Bounded: a flood of addresses clears the table rather than growing it without end.
      if (this.counts.size >= 10_000) this.counts.clear();
      this.counts.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    if (entry.count >= this.max) return false;
    entry.count++;
    return true;
  }

  /** Milliseconds until `key` may try again (0 when it may now). */
  retryAfterMs(key: string): number {
    const entry = this.counts.get(key);
    return entry && entry.count >= this.max ? Math.max(0, entry.resetAt - this.now()) : 0;
  }
}
