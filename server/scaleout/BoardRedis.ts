import { Redis } from '@hocuspocus/extension-redis';
import {
  type afterLoadDocumentPayload,
  type Document,
  type onChangePayload,
  OutgoingMessage,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { log } from '../observability/log.ts';

/** extension-redis 4.7's own channel names and documents (private there; the version is pinned in package.json). */
interface Internals {
  pubKey(documentName: string): string;
  subKey(documentName: string): string;
  encodeMessage(message: Uint8Array): Buffer;
  readonly documents: Map<string, Document>;
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
 * `broadcastStateless` and the initial sync with peers on load are the extension's own, except
 * while Redis is away: then a board loads from the database at once instead of waiting for
 * ioredis to give up on the subscription (about 10 s), and is subscribed when Redis is back.
 */
export class BoardRedis extends Redis {
  private readonly turn = new Map<string, Uint8Array[]>();
  private relayScheduled = false;

  override async onChange(data: onChangePayload): Promise<void> {
    if (isRedisOrigin(data.transactionOrigin)) return;
    const updates = this.turn.get(data.documentName) ?? [];
    updates.push(data.update);
    this.turn.set(data.documentName, updates);
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

  override async afterLoadDocument(payload: afterLoadDocumentPayload): Promise<void> {
    if (this.sub.status === 'ready') return super.afterLoadDocument(payload);
    // What the peers hold that the log does not is only what they have not logged yet: the
    // follower brings it within LOG_FOLLOW_MS. Relays resume with resubscribe().
    this.internals.documents.set(payload.documentName, payload.document);
  }

  /** After Redis came back: subscribe the boards loaded meanwhile (ioredis resubscribes the others itself). */
  resubscribe(): void {
    for (const documentName of this.internals.documents.keys())
      this.sub
        .subscribe(this.internals.subKey(documentName))
        .catch((error: unknown) =>
          log.warn({ board: documentName, err: error }, 'could not subscribe to a board’s relays'),
        );
  }

  private get internals(): Internals {
    return this as unknown as Internals;
  }

  private relay(documentName: string, updates: Uint8Array[]): void {
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const message = new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update).toUint8Array();
    this.pub
      .publish(this.internals.pubKey(documentName), this.internals.encodeMessage(message))
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
