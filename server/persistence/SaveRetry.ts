/**
 * Back-off for a board whose saves fail: the first retry after `firstDelayMs`, then doubling up to
 * `maxDelayMs`, until `attempt` succeeds. One instance per failing board; `stop` cancels it.
 */
export interface RetryPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 1000, maxDelayMs: 30_000 };

export function retryDelay(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

export class SaveRetry {
  /** When saving started failing (epoch ms). */
  readonly since: number;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly policy: RetryPolicy;
  private readonly attempt: () => Promise<boolean>;

  /** `attempt` resolves true once the board is stored; it must not reject. */
  constructor(policy: RetryPolicy, attempt: () => Promise<boolean>, now = Date.now()) {
    this.policy = policy;
    this.attempt = attempt;
    this.since = now;
  }

  /** Another failure: schedules the next attempt (unless one is already scheduled). */
  failed(): void {
    this.failures++;
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => void this.run(), retryDelay(this.policy, this.failures));
    this.timer.unref?.(); // never keeps a stopping process alive
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    if (!(await this.attempt())) this.failed();
  }
}
