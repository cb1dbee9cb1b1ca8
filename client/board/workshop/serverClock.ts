/**
 * The server's clock as seen from this client. Every workshop state message carries the
 * server's `now`; the offset sample is `serverNow - localNowAtArrival`, which is the true offset
 * minus the message's travel time, so the largest recent sample is the best estimate (the
 * quickest message). Only recent samples count, so a local clock that is corrected (NTP) is
 * followed within a few messages.
 */
export class ServerClock {
  private samples: number[] = [];
  private readonly keep: number;

  constructor(keep = 5) {
    this.keep = keep;
  }

  /** Records one message's server time, received at local time `localNow`. */
  observe(serverNow: number, localNow: number): void {
    this.samples.push(serverNow - localNow);
    if (this.samples.length > this.keep) this.samples.shift();
  }

  /** Milliseconds to add to the local clock to read the server's (0 before any message). */
  get offset(): number {
    return this.samples.length === 0 ? 0 : Math.max(...this.samples);
  }

  /** The server's time now, from a local reading. */
  now(localNow: number = Date.now()): number {
    return localNow + this.offset;
  }
}

/** `4:05`, `0:09`, `1:02:03`: whole seconds, rounded up so the display hits 0:00 at zero. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "5 min", "90 s", "1 h 30 min": a duration in words for the controls. */
export function describeDuration(ms: number): string {
  const totalSec = Math.round(ms / 1000);
  if (totalSec < 60) return `${totalSec} s`;
  if (totalSec < 3600 && totalSec % 60 !== 0) return `${Math.floor(totalSec / 60)} min ${totalSec % 60} s`;
  const totalMin = Math.round(totalSec / 60);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return h > 0 ? (m > 0 ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}
