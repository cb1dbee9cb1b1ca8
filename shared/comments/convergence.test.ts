import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPrng, type Prng } from '../testing/prng.ts';
import { executeCommentsCommand } from './commands.ts';
import { exportComments } from './exchange.ts';
import { migrateComments } from './migrations.ts';
import { commentCountsByNote } from './queries.ts';
import { readComments } from './snapshot.ts';
import type { Actor } from '../model/commands/context.ts';

/**
 * Several people with their own copy of one comments document, updates delivered in a seeded
 * random order (the shape of shared/testing/peers.ts, for the second document of a board).
 */
class CommentsPeers {
  readonly docs: Y.Doc[];
  readonly actors: Actor[];
  private readonly queues: Uint8Array[][];
  readonly random: Prng;

  constructor(users: number, seed: number) {
    this.random = createPrng(seed);
    const origin = new Y.Doc();
    migrateComments(origin, 'board0000001');
    const initial = Y.encodeStateAsUpdate(origin);
    this.actors = Array.from({ length: users }, (_, i) => ({
      id: `user-${i}`,
      name: `Person ${i}`,
      department: 'sales' as const,
    }));
    this.queues = Array.from({ length: users }, () => []);
    this.docs = this.actors.map((_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      Y.applyUpdate(doc, initial, this);
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === this) return;
        this.queues.forEach((q, j) => j !== i && q.push(u));
      });
      return doc;
    });
  }

  /** Delivers some random pending messages (each receiver's queue in any order: Yjs needs none). */
  flushSome(max: number): void {
    for (let n = 0; n < max; n++) {
      const busy = this.queues.map((q, i) => [q, i] as const).filter(([q]) => q.length > 0);
      if (busy.length === 0) return;
      const [q, i] = this.random.pick(busy);
      const at = this.random.int(0, q.length - 1);
      Y.applyUpdate(this.docs[i]!, q.splice(at, 1)[0]!, this);
    }
  }

  syncAll(): void {
    this.flushSome(Number.MAX_SAFE_INTEGER);
  }

  run<N extends Parameters<typeof executeCommentsCommand>[2]>(
    i: number,
    name: N,
    input: Parameters<typeof executeCommentsCommand<N>>[3],
  ) {
    return executeCommentsCommand(this.docs[i]!, this.actors[i]!, name, input);
  }
}

describe('comments convergence', () => {
  it('concurrent threads, replies and reactions from several peers all survive, in the same order everywhere', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const net = new CommentsPeers(4, seed);
      const { threadId } = net.run(0, 'startThread', {
        target: { kind: 'note', id: 'note:x' },
        text: 'Why do people drop here?',
      });
      net.syncAll();
      const written: string[] = [];
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 4; i++) {
          const r = net.random.next();
          if (r < 0.5) {
            written.push(net.run(i, 'reply', { threadId, text: `reply ${round}.${i}` }));
          } else if (r < 0.7) {
            net.run(i, 'startThread', { target: { kind: 'note', id: `note:${round % 2}` }, text: `new ${round}.${i}` });
          } else {
            const c = readComments(net.docs[i]!).threadsById.get(threadId)!.comments[0]!;
            net.run(i, 'react', { commentId: c.id, reaction: 'thumbs', on: true });
          }
        }
        net.flushSome(net.random.int(0, 10));
      }
      net.syncAll();
      const views = net.docs.map((d) => exportComments(d));
      for (const v of views.slice(1)) expect(v).toEqual(views[0]);
      const thread = readComments(net.docs[0]!).threadsById.get(threadId)!;
      for (const id of written) expect(thread.comments.some((c) => c.id === id)).toBe(true);
      const reactors = thread.comments[0]!.reactions.thumbs ?? [];
      expect(new Set(reactors).size).toBe(reactors.length);
      expect(net.docs.map((d) => [...commentCountsByNote(d)])).toEqual(
        net.docs.map(() => [...commentCountsByNote(net.docs[0]!)]),
      );
    }
  });

  it('resolve/reopen races: every peer ends with the same state, and a resolution is never half of two people', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const net = new CommentsPeers(3, seed);
      const { threadId } = net.run(0, 'startThread', { target: { kind: 'stage', id: 'stage:a' }, text: 'Agree?' });
      net.syncAll();
      net.run(0, 'resolveThread', { threadId });
      net.run(1, 'resolveThread', { threadId });
      net.run(2, 'reopenThread', { threadId });
      net.flushSome(net.random.int(0, 4));
      if (net.random.bool()) net.run(1, 'reopenThread', { threadId });
      net.syncAll();
      const states = net.docs.map((d) => readComments(d).threadsById.get(threadId)!.resolution);
      for (const s of states) expect(s).toEqual(states[0]);
      if (states[0]) expect(['user-0', 'user-1']).toContain(states[0].byId);
      if (states[0]) expect(states[0].byName).toBe(states[0].byId === 'user-0' ? 'Person 0' : 'Person 1');
    }
  });
});
