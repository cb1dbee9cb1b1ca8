export interface FailedAuthLimitsConfiguration {
  /** Refused attempts one client address may make per minute (a token bucket of this size). */
  readonly perAddress: number;
  /** Refused attempts on one board per minute, from addresses that have failed recently. */
  readonly perBoard: number;
  readonly now?: () => number;
  /** Most addresses and boards remembered each; past it, full buckets are forgotten first. */
  readonly maxTracked?: number;
}

const WINDOW_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets for refused authentications, so that a wrong or missing token costs a stranger
 * something and the server nothing: past the limit an attempt is answered `rate-limited` before
 * any database read.
 *
 * Only refusals take tokens; a holder of a valid link never spends any. The per-address bucket
 * is the one that bites. The per-board bucket catches attempts spread over many addresses, but
 * only for addresses that have themselves failed within the window: a room that never sent a
 * wrong link (a workshop behind one NAT) is never locked out of its board by strangers elsewhere.
 */
export class FailedAuthLimits {
  private readonly perAddress: number;
  private readonly perBoard: number;
  private readonly now: () => number;
  private readonly maxTracked: number;
  private readonly addresses = new Map<string, Bucket>();
  private readonly boards = new Map<string, Bucket>();

  constructor(configuration: FailedAuthLimitsConfiguration) {
    this.perAddress = configuration.perAddress;
    this.perBoard = configuration.perBoard;
    this.now = configuration.now ?? Date.now;
    this.maxTracked = configuration.maxTracked ?? 10_000;
  }

  /** False when this attempt must be refused unchecked. */
  admits(address: string, boardId: string): boolean {
    const fromAddress = this.level(this.addresses, address, this.perAddress);
    if (fromAddress < 1) return false;
    const clean = fromAddress >= this.perAddress;
    return clean || this.level(this.boards, boardId, this.perBoard) >= 1;
  }

  /** Counts a refused attempt against its address and its board. */
  failed(address: string, boardId: string): void {
    this.take(this.addresses, address, this.perAddress);
    this.take(this.boards, boardId, this.perBoard);
  }

  private level(buckets: Map<string, Bucket>, key: string, size: number): number {
    const bucket = buckets.get(key);
    if (!bucket) return size;
    return Math.min(size, bucket.tokens + ((this.now() - bucket.at) * size) / WINDOW_MS);
  }

  private take(buckets: Map<string, Bucket>, key: string, size: number): void {
    const tokens = Math.max(0, this.level(buckets, key, size) - 1);
    buckets.delete(key); // re-inserted last: the map's order is least recently failed first
    buckets.set(key, { tokens, at: this.now() });
    if (buckets.size > this.maxTracked) this.forget(buckets, size);
  }

  // A full bucket is the same as none; past maxTracked, drop those, then the least recent down
  // to nine tenths, so that an attack from many addresses does not rescan on every failure.
  private forget(buckets: Map<string, Bucket>, size: number): void {
    for (const key of buckets.keys()) if (this.level(buckets, key, size) >= size) buckets.delete(key);
    for (const key of buckets.keys()) {
      if (buckets.size <= this.maxTracked * 0.9) break;
      buckets.delete(key);
    }
  }
}
