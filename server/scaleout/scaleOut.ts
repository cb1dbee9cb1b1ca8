import crypto from 'node:crypto';
import type { Extension } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import { log } from '../observability/log.ts';
import { BoardRedis } from './BoardRedis.ts';
import { ClusterEvents } from './ClusterEvents.ts';
import { RedisHealth } from './RedisHealth.ts';

export interface ScaleOutOptions {
  readonly redisUrl: string;
  /** REDIS_PREFIX: every key and channel starts with it (tests use a unique one). */
  readonly prefix: string;
}

/** What createServer wires when REDIS_URL is set. */
export interface ScaleOut {
  /** This instance's name in Redis messages. */
  readonly identifier: string;
  readonly extensions: readonly Extension[];
  readonly cluster: ClusterEvents;
  /** Whether the Redis connections are up (/healthz, /metrics), and when they come back. */
  readonly health: RedisHealth;
}

/**
 * Several instances: the official `@hocuspocus/extension-redis` relays document
 * updates, awareness and `document.broadcastStateless` between every instance that has a board
 * open, and ClusterEvents carries our own server-to-server events (link rotation, voting, private
 * writing and the workshop state, which each instance re-reads from the database for its own
 * connections). Boards, share links and checkpoints live in PostgreSQL, so any instance can
 * serve any board; see docs/operations.md for routing and for what crosses instances and what
 * does not.
 */
export function createScaleOut(options: ScaleOutOptions): ScaleOut {
  const identifier = `jb-${crypto.randomUUID()}`;
  const health = new RedisHealth();
  const redis = new BoardRedis({
    identifier,
    prefix: options.prefix,
    createClient: () => {
      const client = new RedisClient(options.redisUrl);
      client.on('error', (error: Error) => log.error({ err: error }, 'Redis connection error (reconnecting)'));
      health.watch(client);
      return client;
    },
  });
  health.onReconnect(() => redis.resubscribe());
  // Named for extensions/order.ts, which places every extension by name (the class has no name).
  Object.assign(redis, { extensionName: 'Redis' } satisfies Extension);
  const cluster = new ClusterEvents({ redisUrl: options.redisUrl, prefix: options.prefix, identifier });
  return { identifier, extensions: [redis, cluster], cluster, health };
}
