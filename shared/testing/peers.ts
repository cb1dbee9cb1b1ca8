import * as Y from 'yjs';
import { metaMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import type { Department } from '../schema/department.ts';
import {
  executeCommand,
  type Actor,
  type CommandInput,
  type CommandName,
  type CommandResult,
} from '../model/commands/index.ts';
import { initializeBoard } from '../model/createBoard.ts';
import { readBoard, type BoardSnapshot } from '../model/snapshot.ts';
import { findTemplate, type BoardTemplate } from '../templates/index.ts';
import { createPrng, type Prng } from './prng.ts';

/**
 * Several people editing one board, each with their own Y.Doc, wired through an in-memory network
 * that delivers updates in a seeded random order. Modelled on yjs `tests/testHelper.js`
 * (`init({ users })`, `TestConnector`, `compare`).
 */
export interface Peer {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly actor: Actor;
  /** Runs a command the way a client does: `executeCommand` with the local origin. */
  run<N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N>;
  board(): BoardSnapshot;
}

export interface InitPeersOptions {
  readonly users: number;
  readonly seed: number;
  /** Template the board starts from (default: blank). */
  readonly template?: BoardTemplate;
}

const DEPARTMENTS_BY_PEER: readonly Department[] = ['marketing', 'sales', 'support', 'product', 'other'];

/**
 * The network is the transaction origin of every update it delivers, as a provider is in the
 * client: never `ORIGIN.local`, so undo ignores it.
 */
export class PeerNetwork {
  readonly peers: readonly Peer[];
  readonly random: Prng;
  /** Messages in flight, FIFO per (sender, receiver) pair like one WebSocket each way. */
  private readonly queues = new Map<Peer, Map<Peer, Uint8Array[]>>();
  private readonly online = new Set<Peer>();

  constructor(options: InitPeersOptions) {
    this.random = createPrng(options.seed);
    const origin = new Y.Doc();
    initializeBoard(origin, {
      boardId: 'board-under-test',
      title: 'Journey',
      template: options.template ?? findTemplate('blank')!,
      now: 0,
    });
    const initial = Y.encodeStateAsUpdate(origin);
    this.peers = Array.from({ length: options.users }, (_, i) => this.createPeer(i, initial));
    for (const p of this.peers) {
      this.queues.set(p, new Map(this.peers.filter((q) => q !== p).map((q) => [q, []])));
      this.online.add(p);
    }
  }

  peer(i: number): Peer {
    const p = this.peers[i];
    if (!p) throw new Error(`No peer #${i}`);
    return p;
  }

  isOnline(peer: Peer): boolean {
    return this.online.has(peer);
  }

  /** Number of messages in flight. */
  pending(): number {
    let n = 0;
    for (const byReceiver of this.queues.values()) for (const q of byReceiver.values()) n += q.length;
    return n;
  }

  /** Delivers the oldest message of one random non-empty connection; false when none is waiting. */
  flushRandomMessage(): boolean {
    const busy: [Peer, Uint8Array[]][] = [];
    for (const byReceiver of this.queues.values())
      for (const [to, q] of byReceiver) if (q.length > 0) busy.push([to, q]);
    if (busy.length === 0) return false;
    const [to, queue] = this.random.pick(busy);
    Y.applyUpdate(to.doc, queue.shift()!, this);
    return true;
  }

  /** A partial sync: up to `max` random messages. */
  flushRandomMessages(max: number): void {
    for (let i = 0; i < max && this.flushRandomMessage(); i++);
  }

  flushAllMessages(): void {
    while (this.flushRandomMessage());
  }

  /** Goes offline: messages in flight to or from the peer are lost, as on a dropped socket. */
  disconnect(peer: Peer): void {
    this.online.delete(peer);
    for (const q of this.queues.get(peer)!.values()) q.length = 0;
    for (const byReceiver of this.queues.values()) byReceiver.get(peer)?.splice(0);
  }

  /** Comes back: exchanges state-vector diffs with every online peer (sync steps 1 and 2). */
  reconnect(peer: Peer): void {
    if (this.online.has(peer)) return;
    this.online.add(peer);
    for (const other of this.online) {
      if (other === peer) continue;
      this.send(peer, other, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)));
      this.send(other, peer, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc)));
    }
  }

  /** Everyone back online and every message delivered: what `compare` in yjs does first. */
  syncAll(): void {
    for (const p of this.peers) this.reconnect(p);
    this.flushAllMessages();
  }

  private send(from: Peer, to: Peer, update: Uint8Array): void {
    if (this.online.has(from) && this.online.has(to)) this.queues.get(from)!.get(to)!.push(update);
  }

  private createPeer(i: number, initial: Uint8Array): Peer {
    const doc = new Y.Doc();
    // Fixed client ids, as yjs tests do: conflict winners then depend on the seed alone.
    doc.clientID = i + 1;
    Y.applyUpdate(doc, initial, this);
    const actor: Actor = {
      id: `user-${i}`,
      name: `Person ${i}`,
      department: DEPARTMENTS_BY_PEER[i % DEPARTMENTS_BY_PEER.length]!,
    };
    const peer: Peer = {
      name: `peer${i}`,
      doc,
      actor,
      run: (name, input) => executeCommand(doc, actor, name, input, ORIGIN.local),
      board: () => readBoard(doc),
    };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return; // relay nothing: each peer sends only its own changes
      for (const other of this.peers) if (other !== peer) this.send(peer, other, update);
    });
    return peer;
  }
}

export function initPeers(options: InitPeersOptions): PeerNetwork {
  return new PeerNetwork(options);
}

/** Everything a reader sees of a board, as plain JSON (Maps of the snapshot are derived, left out). */
export function boardJson(doc: Y.Doc): unknown {
  const { meta, stages, lanes, notes, orphanNotes } = readBoard(doc);
  return { meta, stages, lanes, notes, orphanNotes };
}

/** The raw document content: both roots, Y.Text as strings. */
export function docJson(doc: Y.Doc): unknown {
  return { meta: metaMap(doc).toJSON(), records: recordsMap(doc).toJSON() };
}
