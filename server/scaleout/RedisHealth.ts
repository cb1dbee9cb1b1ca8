import type { Redis as RedisClient } from 'ioredis';
import { log } from '../observability/log.ts';

const LAG_WINDOW_MS = 60_000;

/** What /healthz and /metrics say of Redis: `off` on a single instance. */
export type RedisState = 'up' | 'down' | 'off';

/**
 * Whether this instance's Redis connections are up, and a hook for when they come back. ioredis
 * reconnects and re-subscribes by itself, but what was published meanwhile is gone: relays of
 * edits (the log follower covers those at once on `onReconnect`) and presence (clients renew it
 * within their awareness interval).
 */
export class RedisHealth {
  private readonly clients = new Set<RedisClient>();
  private wasDown = false;
  private readonly reconnectHandlers: (() => void)[] = [];
  private catchUps: { at: number; delayMs: number }[] = [];

  watch(client: RedisClient): void {
    this.clients.add(client);
    const changed = () => this.changed();
    for (const event of ['ready', 'close', 'end', 'reconnecting']) client.on(event, changed);
  }

  get state(): RedisState {
    return [...this.clients].every((c) => c.status === 'ready') ? 'up' : 'down';
  }

  /** A change another instance logged reached this one from the log, not through Redis, `delayMs` after it was logged. */
  noteCatchUp(delayMs: number, now = Date.now()): void {
    this.catchUps = [...this.catchUps.filter((c) => now - c.at < LAG_WINDOW_MS), { at: now, delayMs }];
  }

  /** The longest such delay in the last minute (relays lost or late), or null when every change came through Redis. */
  relayLagMs(now = Date.now()): number | null {
    const recent = this.catchUps.filter((c) => now - c.at < LAG_WINDOW_MS);
    return recent.length === 0 ? null : Math.max(...recent.map((c) => c.delayMs));
  }

  /** Calls `handler` each time every connection is ready again after one of them was not. */
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  private changed(): void {
    const state = this.state;
    if (state === 'down' && !this.wasDown) {
      this.wasDown = true;
      log.warn('Redis connection lost: edits reach the other instances through the database meanwhile');
    } else if (state === 'up' && this.wasDown) {
      this.wasDown = false;
      log.info('Redis connection back: catching up the open boards from the database');
      for (const handler of this.reconnectHandlers) handler();
    }
  }
}
