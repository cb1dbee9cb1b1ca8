// Node timers hold at most 2^31-1 ms (24.8 days); a 30-day time limit is waited for in steps.
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One timer per key that fires at an absolute time (epoch ms by `now`), however far away: a
 * deadline beyond what setTimeout can hold is re-armed on the way. Timers are unref'd, so they
 * never keep a process alive.
 */
export class Deadlines<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
  private readonly now: () => number;
  private closed = false;

  constructor(now: () => number) {
    this.now = now;
  }

  /** Calls `fire` at `at` (at once if it has passed); replaces this key's earlier deadline. */
  set(key: K, at: number, fire: () => void): void {
    if (this.closed) return;
    this.clear(key);
    const delay = Math.max(0, at - this.now());
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        if (delay > MAX_TIMER_MS) this.set(key, at, fire);
        else fire();
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    timer.unref?.();
    this.timers.set(key, timer);
  }

  clear(key: K): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  has(key: K): boolean {
    return this.timers.has(key);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
