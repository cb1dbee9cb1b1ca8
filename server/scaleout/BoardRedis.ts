import { type Configuration, Redis } from '@hocuspocus/extension-redis';
import {
  type afterLoadDocumentPayload,
  type Document,
  type onChangePayload,
  OutgoingMessage,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { log } from '../observability/log.ts';

/** extension-redis 4.7's own channel names and documents (private there; the version is pinned in package.json). */
interface Internals {
  pubKey(documentName: string): string;
  subKey(documentName: string): string;
  encodeMessage(message: Uint8Array): Buffer;
  decodeMessage(data: Buffer): [identifier: string, message: Buffer];
  handleIncomingMessage(channel: Buffer, data: Buffer): Promise<void>;
  readonly documents: Map<string, Document>;
}

/**
 * `@hocuspocus/extension-redis` with two changes on the hop between instances:
 * - A document change is relayed as the update itself, once per event-loop turn, instead of as a
 *   state vector that the other instances answer with theirs before the sender replies with the
 *   change (three Redis deliveries and two full encodings per hop).
 * - The receiving instance sends a relayed update to its own connections as soon as it is
 *   applied, before its onChange hooks (the update log, metrics) and without waiting for
 *   Hocuspocus's end-of-turn broadcast. Those hooks are what a same-instance edit waits for once;
 *   a relayed edit would otherwise wait for them on both instances.
 *
 * Nothing depends on every relay arriving: an instance that misses one keeps what builds on it
 * pending and gets it from the update log within LOG_FOLLOW_MS (Persistence.follow). Awareness,
 * `broadcastStateless` and the initial sync with peers on load are the extension's own, except
 * while Redis is away: then a board loads from the database at once instead of waiting for
 * ioredis to give up on the subscription (about 10 s), and is subscribed when Redis is back.
 */
export class BoardRedis extends Redis {
  constructor(configuration: Partial<Configuration>) {
    super(configuration);
    this.sub.off('messageBuffer', this.internals.handleIncomingMessage);
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.receive(channel, data));
  }

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
    // any I/O: a change and the server's repair of it go as one, as they do to this instance's
    // own connections, so no other instance ever shows the unrepaired change.
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

  /**
   * The extension's handler applies an update synchronously, up to its first await (a relayed
   * update has no connection whose beforeSync hook it would wait for); the broadcast it queued
   * goes out here, before this instance's onChange hooks run.
   */
  private receive(channel: Buffer, data: Buffer): void {
    const handled = this.internals.handleIncomingMessage(channel, data);
    handled.catch((error: unknown) => log.warn({ err: error }, 'could not apply a message relayed through Redis'));
    try {
      const [, message] = this.internals.decodeMessage(data);
      this.internals.documents.get(decoding.readVarString(decoding.createDecoder(message)))?.flush();
    } catch {
      // A malformed message: the extension's handler has already failed on it and logged above.
    }
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
