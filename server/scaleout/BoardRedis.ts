import { Redis } from '@hocuspocus/extension-redis';
import { type onChangePayload, OutgoingMessage } from '@hocuspocus/server';
import * as Y from 'yjs';
import { log } from '../observability/log.ts';

/** extension-redis 4.7's own publishing path (private there; the version is pinned in package.json). */
interface PublishingInternals {
  readonly pub: { publish(channel: string, message: Buffer): Promise<number> };
  pubKey(documentName: string): string;
  encodeMessage(message: Uint8Array): Buffer;
}

/**
 * `@hocuspocus/extension-redis` with one change: a document change is relayed as the update
 * itself, once per event-loop turn, instead of as a state vector that the other instances answer
 * with theirs before the sender replies with the change (three Redis deliveries and two full
 * encodings per hop). One delivery, applied with one `Y.applyUpdate`, makes the cross-instance
 * hop cost about one Redis round trip more than a same-instance one.
 *
 * Nothing depends on every relay arriving: an instance that misses one keeps what builds on it
 * pending and gets it from the update log within LOG_FOLLOW_MS (Persistence.follow). Awareness,
 * `broadcastStateless` and the initial sync with peers on load are the extension's own.
 */
export class BoardRedis extends Redis {
  private readonly turn = new Map<string, Uint8Array[]>();
  private relayScheduled = false;

  override async onChange(data: onChangePayload): Promise<void> {
    if (isRedisOrigin(data.transactionOrigin)) return;
    let updates = this.turn.get(data.documentName);
    if (!updates) this.turn.set(data.documentName, (updates = []));
    updates.push(data.update);
    if (this.relayScheduled) return;
    this.relayScheduled = true;
    // After the microtasks of this message (Hocuspocus runs onChange hooks on microtasks), before
    // any I/O: the updates one message produced (a change and its repair) go as one.
    process.nextTick(() => {
      this.relayScheduled = false;
      const turn = [...this.turn];
      this.turn.clear();
      for (const [documentName, updates] of turn) this.relay(documentName, updates);
    });
  }

  private relay(documentName: string, updates: Uint8Array[]): void {
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const message = new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update).toUint8Array();
    const internals = this as unknown as PublishingInternals;
    internals.pub
      .publish(internals.pubKey(documentName), internals.encodeMessage(message))
      .catch((error: unknown) =>
        log.warn(
          { board: documentName, err: error },
          'could not relay a change through Redis; the other instances read it from the log',
        ),
      );
  }
}

function isRedisOrigin(origin: unknown): boolean {
  return typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'redis';
}
