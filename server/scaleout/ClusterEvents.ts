import crypto from 'node:crypto';
import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/protocol/roles.ts';
import { disconnectRole } from '../extensions/RoleAccess.ts';
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
  type: z.literal('link-rotated'),
  boardId: z.string().max(64),
  role: z.enum(ROLES),
});
type ClusterMessage = z.infer<typeof ClusterMessage>;

/**
 * Server-to-server events that Hocuspocus's Redis extension does not carry (it relays document
 * updates, awareness and `broadcastStateless` only). Today one: a share link was rotated, so
 * every instance closes the connections that came in with the old link, not only the instance
 * that answered the rotate request. One Redis channel, JSON messages checked with zod.
 */
export class ClusterEvents implements Extension {
  extensionName = 'ClusterEvents';

  readonly identifier: string;
  private readonly channel: string;
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;
  private readonly subscribed: Promise<unknown>;
  private instance: Hocuspocus | null = null;

  constructor(configuration: ClusterEventsConfiguration) {
    this.identifier = configuration.identifier ?? `jb-${crypto.randomUUID()}`;
    this.channel = `${configuration.prefix}#cluster`;
    this.pub = new RedisClient(configuration.redisUrl);
    this.sub = new RedisClient(configuration.redisUrl);
    for (const client of [this.pub, this.sub]) {
      // Without a listener ioredis reports connection errors as unhandled; it reconnects by itself.
      client.on('error', (error: Error) => log.error({ err: error }, 'cluster events: Redis connection error'));
    }
    this.sub.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.receive(text);
    });
    this.subscribed = this.sub.subscribe(this.channel);
    this.subscribed.catch((error: unknown) => log.error({ err: error }, 'cluster events: could not subscribe'));
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  /** Resolves once this instance hears the other instances' events. */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  /** Closes `role`'s connections to `boardId` here and tells the other instances to do the same. */
  disconnectRoleEverywhere(instance: Hocuspocus, boardId: string, role: Role): number {
    const closed = disconnectRole(instance, boardId, role);
    const message: ClusterMessage = { from: this.identifier, type: 'link-rotated', boardId, role };
    this.pub.publish(this.channel, JSON.stringify(message)).catch((error: unknown) =>
      log.error({ err: error, board: boardId }, 'cluster events: could not tell the other instances about a rotated link'),
    );
    return closed;
  }

  async onDestroy(): Promise<void> {
    this.sub.disconnect(false);
    await this.pub.quit().catch(() => this.pub.disconnect(false));
  }

  private receive(text: string): void {
    let parsed: ClusterMessage;
    try {
      parsed = ClusterMessage.parse(JSON.parse(text));
    } catch {
      log.warn('cluster events: ignored a malformed message');
      return;
    }
    if (parsed.from === this.identifier || !this.instance) return;
    const closed = disconnectRole(this.instance, parsed.boardId, parsed.role);
    log.info({ board: parsed.boardId, role: parsed.role, closed }, 'share link rotated on another instance; connections with the old link closed');
  }
}
