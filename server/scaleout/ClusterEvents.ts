import crypto from 'node:crypto';
import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/protocol/roles.ts';
import { disconnectRole } from '../access/linkRoles.ts';
import { log } from '../observability/log.ts';

export interface ClusterEventsConfiguration {
  readonly redisUrl: string;
  /** REDIS_PREFIX; the channel is `<prefix>#cluster`. */
  readonly prefix: string;
  /** This instance's name in messages (its own messages are ignored); random by default. */
  readonly identifier?: string;
}

const ClusterMessage = z.object({
  from: z.string(),
  /** What happened, e.g. `link-rotated`; each feature names its own. */
  topic: z.string().min(1).max(64),
  boardId: z.string().min(1).max(64),
  /** JSON the topic's handler checks itself. */
  data: z.unknown(),
});
type ClusterMessage = z.infer<typeof ClusterMessage>;

/** Handles one topic's event from another instance; `data` is unchecked JSON. */
export type BoardEventHandler = (boardId: string, data: unknown) => void;

/** What a feature needs of ClusterEvents to keep its instances in step (voting, private writing, workshop). */
export type BoardEvents = Pick<ClusterEvents, 'publishBoardEvent' | 'onBoardEvent' | 'onReconnect'>;

const LinkRotatedData = z.object({ role: z.enum(ROLES) });

/**
 * Server-to-server events that Hocuspocus's Redis extension does not carry (it relays document
 * updates, awareness and `broadcastStateless` only): "something about board X changed; every
 * instance, act for your own connections". One Redis channel, JSON messages checked with zod;
 * an instance never hears its own events.
 *
 * - `link-rotated` (built in): every instance closes the connections that came in with the old
 *   link, not only the instance that answered the rotate request.
 * - After Redis was away, `onReconnect` handlers re-read what the lost events would have said.
 * - Features whose server state lives in the database and whose messages go to particular
 *   connections (`connection.sendStateless`: voting state, a facilitator's pending list, a
 *   person's private drafts, the workshop timer) publish an event when it changes
 *   (`publishBoardEvent`), and each instance's handler (`onBoardEvent`) re-sends to its own
 *   connections from the database. Without that, only the clients of the instance that made the
 *   change hear of it (docs/operations.md).
 */
export class ClusterEvents implements Extension {
  extensionName = 'ClusterEvents';

  readonly identifier: string;
  private readonly channel: string;
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;
  private readonly subscribed: Promise<unknown>;
  private readonly pubReady: Promise<unknown>;
  private instance: Hocuspocus | null = null;

  constructor(configuration: ClusterEventsConfiguration) {
    this.identifier = configuration.identifier ?? `jb-${crypto.randomUUID()}`;
    this.channel = `${configuration.prefix}#cluster`;
    // No offline queue: an event published while Redis is away fails at once instead of going out
    // late and out of order; onReconnect's re-read covers what it would have said.
    this.pub = new RedisClient(configuration.redisUrl, { enableOfflineQueue: false });
    this.pubReady = new Promise((resolve) => this.pub.once('ready', resolve));
    this.sub = new RedisClient(configuration.redisUrl);
    for (const client of [this.pub, this.sub]) {
      // Without a listener ioredis reports connection errors as unhandled; it reconnects by itself.
      client.on('error', (error: Error) => log.error({ err: error }, 'cluster events: Redis connection error'));
    }
    this.sub.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.receive(text);
    });
    // ioredis resubscribes by itself; what was published meanwhile is gone, so features re-read.
    let wasReady = false;
    this.sub.on('ready', () => {
      if (wasReady) this.reconnected();
      wasReady = true;
    });
    this.subscribed = this.sub.subscribe(this.channel);
    this.subscribed.catch((error: unknown) => log.error({ err: error }, 'cluster events: could not subscribe'));
    this.onBoardEvent('link-rotated', (boardId, data) => {
      const parsed = LinkRotatedData.safeParse(data);
      if (!parsed.success || !this.instance) return;
      const closed = disconnectRole(this.instance, boardId, parsed.data.role);
      log.info(
        { board: boardId, role: parsed.data.role, closed },
        'share link rotated on another instance; connections with the old link closed',
      );
    });
  }

  private readonly handlers = new Map<string, Set<BoardEventHandler>>();
  private readonly reconnectHandlers = new Set<() => void>();

  /** Calls `handler` for each `topic` event another instance publishes; returns the unsubscribe. */
  onBoardEvent(topic: string, handler: BoardEventHandler): () => void {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /**
   * Calls `handler` each time this instance hears the other instances again after Redis was away.
   * The events of the meantime are lost (Redis keeps no published message), so each feature
   * re-reads the state of the boards it holds from the database and re-sends it to its own
   * connections: a round opened, a person removed or a link rotated on another instance during
   * the outage reaches everyone here within a Redis reconnect.
   */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => this.reconnectHandlers.delete(handler);
  }

  /** Tells every other instance that `topic` happened on `boardId` (fire and forget; failures are logged). */
  publishBoardEvent(topic: string, boardId: string, data: unknown = null): void {
    const message: ClusterMessage = { from: this.identifier, topic, boardId, data };
    this.pub
      .publish(this.channel, JSON.stringify(message))
      .catch((error: unknown) =>
        log.error({ err: error, board: boardId, topic }, 'cluster events: could not tell the other instances'),
      );
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  /** Resolves once this instance hears the other instances' events and can send its own. */
  async ready(): Promise<void> {
    await Promise.all([this.subscribed, this.pubReady]);
  }

  /** Whether both connections are up now (tests wait on it around an outage). */
  get redisUp(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** Closes `role`'s connections to `boardId` here and tells the other instances to do the same. */
  disconnectRoleEverywhere(instance: Hocuspocus, boardId: string, role: Role): number {
    const closed = disconnectRole(instance, boardId, role);
    this.publishBoardEvent('link-rotated', boardId, { role });
    return closed;
  }

  async onDestroy(): Promise<void> {
    this.sub.disconnect(false);
    await this.pub.quit().catch(() => this.pub.disconnect(false));
  }

  private reconnected(): void {
    log.info('cluster events: Redis is back; every feature re-reads its boards');
    for (const handler of this.reconnectHandlers) {
      try {
        handler();
      } catch (error) {
        log.error({ err: error }, 'cluster events: a reconnect handler failed');
      }
    }
  }

  private receive(text: string): void {
    let parsed: ClusterMessage;
    try {
      parsed = ClusterMessage.parse(JSON.parse(text));
    } catch {
      log.warn('cluster events: ignored a malformed message');
      return;
    }
    if (parsed.from === this.identifier) return;
    for (const handler of this.handlers.get(parsed.topic) ?? []) {
      try {
        handler(parsed.boardId, parsed.data);
      } catch (error) {
        log.error({ err: error, board: parsed.boardId, topic: parsed.topic }, 'cluster events: a handler failed');
      }
    }
  }
}
