import type { beforeHandleMessagePayload, Connection, Extension } from '@hocuspocus/server';
import { RateLimited } from '../../shared/protocol/closeReasons.ts';
import { TokenBucket } from '../live/tokenBucket.ts';
import { log } from '../observability/log.ts';

export interface UpdateRateLimitConfiguration {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: the burst a connection may send at once. */
  burst: number;
  /** For tests. */
  now?: () => number;
}

/**
 * Caps how fast one connection may send messages (document updates, awareness, stateless), with a
 * token bucket per connection (UPDATE_RATE per second, UPDATE_BURST at once). Keyed by the
 * Connection object, not by IP: `@hocuspocus/extension-throttle` keys on x-forwarded-for, so
 * without a proxy every client shares one key and all are banned together. A connection past its
 * budget is closed with `rate-limited` (Hocuspocus closes a connection whose
 * beforeHandleMessage throws, with the error's code and reason); others carry on.
 */
export class UpdateRateLimit implements Extension {
  extensionName = 'UpdateRateLimit';

  private readonly buckets = new WeakMap<Connection, TokenBucket>();
  private readonly config: Required<UpdateRateLimitConfiguration>;

  constructor(configuration: UpdateRateLimitConfiguration) {
    this.config = { now: () => performance.now(), ...configuration };
  }

  async beforeHandleMessage({ connection, documentName }: beforeHandleMessagePayload): Promise<void> {
    const now = this.config.now();
    let bucket = this.buckets.get(connection);
    if (!bucket) {
      bucket = new TokenBucket(this.config.rate, this.config.burst, now);
      this.buckets.set(connection, bucket);
    }
    if (!bucket.take(now)) {
      log.warn(
        { board: documentName, conn: connection.socketId, rate: this.config.rate, burst: this.config.burst },
        'closing a connection: over its message rate',
      );
      throw RateLimited;
    }
  }
}
