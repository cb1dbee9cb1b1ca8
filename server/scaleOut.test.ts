import type { Repositories } from './repositories/Repositories.ts';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from './testing/cleanups.ts';
import type * as Y from 'yjs';
import { CHECKPOINTS_CHANGED, executeCommand, readBoard, type NoteId } from '../shared/index.ts';
import { LinkRotated } from '../shared/protocol/closeReasons.ts';
import type { CheckpointSummary } from '../shared/protocol/checkpoints.ts';
import { loadBoardDoc } from './storage/boardState.ts';
import { loadBoardDocumentDoc } from './storage/documentStorage.ts';
import { commentsMap, executeCommentsCommand } from '../shared/comments/index.ts';
import { recordsMap } from '../shared/doc/boardDoc.ts';
import { dropSchema, openTestPostgresStore, TEST_DATABASE_URL, uniqueSchema } from './testing/postgres.ts';
import { connectProvider, waitFor, waitForAck } from './testing/providers.ts';
import { TEST_REDIS_URL, uniqueRedisPrefix } from './testing/redis.ts';
import { spawnServer, type ChildServer } from './testing/childServer.ts';
import {
  createBoardWithLinks,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
} from './testing/testServer.ts';
import { fetchAsPerson } from './testing/identities.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'support' } as const;

/** A real PostgreSQL store that counts the appends it was asked for. */
function countingAppends(inner: Repositories): { store: Repositories; appends: () => number } {
  let appends = 0;
  const boards = new Proxy(inner.boards, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'appendUpdate') {
        return (...args: Parameters<Repositories['boards']['appendUpdate']>) => {
          appends++;
          return target.appendUpdate(...args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { store: { ...inner, boards }, appends: () => appends };
}

const addNote = (doc: Y.Doc, who: Parameters<typeof executeCommand>[1], text: string, stage = 0) => {
  const { stages, lanes } = readBoard(doc);
  return executeCommand(doc, who, 'addNote', { stageId: stages[stage]!.id, laneId: lanes[0]!.id, text });
};

/**
 * Several instances: two real servers on one PostgreSQL schema and, unless a test says
 * otherwise, one Redis prefix, each with its own real providers.
 */
describe('several instances on PostgreSQL and Redis', () => {
  const cleanups = cleanupsAfterEach();

  const twoInstances = async ({ redis = true, countOnB = false } = {}) => {
    const schema = uniqueSchema();
    const prefix = uniqueRedisPrefix();
    cleanups.push(() => dropSchema(schema));
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      redisUrl: redis ? TEST_REDIS_URL : null,
      redisPrefix: prefix,
    };
    const a = await startTestServer(shared);
    cleanups.push(() => a.close());
    const counted = countOnB ? countingAppends(await openTestPostgresStore(schema)) : null;
    const b = await startTestServer(shared, { store: counted?.store });
    cleanups.push(() => b.close());
    return { a, b, appendsOnB: () => counted?.appends() ?? 0, schema };
  };
  const connect = async (server: TestServer, boardId: string, options: Parameters<typeof connectProvider>[2] = {}) => {
    const provider = await connectProvider(server.wsUrl, boardId, options);
    cleanups.push(() => provider.destroy());
    return provider;
  };
  const storedBoard = async (server: TestServer, boardId: string) => {
    const loaded = await loadBoardDoc(server.server.store, boardId);
    if (!loaded) throw new Error(`board ${boardId} is not stored`);
    const board = readBoard(loaded.doc);
    loaded.doc.destroy();
    return board;
  };

  it('clients on A and on B see each other’s edits and presence; B logs a relayed update too', async () => {
    const { a, b, appendsOnB } = await twoInstances({ countOnB: true });
    const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce', title: 'Shared' });
    const onA = await connect(a, id);
    const onB = await connect(b, id);

    const fromA = addNote(onA.document, ann, 'Written on instance A');
    await waitForAck(onA);
    await waitFor(() => readBoard(onB.document).notesById.get(fromA)?.text === 'Written on instance A', {
      what: 'B’s client to see A’s edit',
    });
    // A may die before its row commits: B logs what it applied, so that its own later rows never
    // build on a change the log lacks (Persistence's class comment).
    await waitFor(() => appendsOnB() >= 1, { what: 'B to log the relayed update' });
    const relayedRows = appendsOnB();

    const fromB = addNote(onB.document, bob, 'Written on instance B', 1);
    await waitForAck(onB);
    expect(appendsOnB()).toBeGreaterThan(relayedRows);
    await waitFor(() => readBoard(onA.document).notesById.get(fromB)?.text === 'Written on instance B', {
      what: 'A’s client to see B’s edit',
    });

    // Presence crosses instances too.
    onA.setAwarenessField('user', { id: 'ann', name: 'Ann on A', colour: '#0d74ce', department: 'sales' });
    onB.setAwarenessField('user', { id: 'bob', name: 'Bob on B', colour: '#0d74ce', department: 'sales' });
    const names = (p: HocuspocusProvider) =>
      [...p.awareness!.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    await waitFor(() => names(onB).includes('Ann on A'), { what: 'B’s client to see Ann’s presence' });
    await waitFor(() => names(onA).includes('Bob on B'), { what: 'A’s client to see Bob’s presence' });

    // Both edits are stored once, whichever instance reads them back.
    const stored = await storedBoard(b, id);
    expect(stored.notesById.has(fromA) && stored.notesById.has(fromB)).toBe(true);
  });

  it('commenters on A and on B see each other’s comments (the `<boardId>/comments` document crosses too)', async () => {
    const { a, b } = await twoInstances();
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const onA = await connect(a, `${id}/comments`, { token: tokens.commenter });
    const onB = await connect(b, `${id}/comments`, { token: tokens.commenter });
    const target = { kind: 'board', id } as const;
    const fromA = executeCommentsCommand(
      onA.document,
      { id: 'user-ann', name: 'Ann', department: 'sales' },
      'startThread',
      { target, text: 'Asked on A' },
    ).commentId;
    await waitFor(() => commentsMap(onB.document).has(fromA), { what: 'B’s commenter to see A’s comment' });
    const fromB = executeCommentsCommand(
      onB.document,
      { id: 'user-bob', name: 'Bob', department: 'support' },
      'startThread',
      { target, text: 'Answered on B' },
    ).commentId;
    await waitFor(() => commentsMap(onA.document).has(fromB), { what: 'A’s commenter to see B’s comment' });
    await Promise.all([waitForAck(onA), waitForAck(onB)]);
    const stored = await loadBoardDocumentDoc(a.server.store, id, 'comments');
    for (const c of [fromA, fromB]) expect(commentsMap(stored!.doc).has(c), c).toBe(true);
    stored!.doc.destroy();
  });

  it('two instances holding one board and compacting it lose nothing, even with no relay between them', async () => {
    // The worst case for compaction: no Redis, so neither instance ever sees the other's edits.
    const { a, b } = await twoInstances({ redis: false });
    const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const onA = await connect(a, id);
    const onB = await connect(b, id);

    const b1 = addNote(onB.document, bob, 'B before A compacts');
    await waitForAck(onB); // B's row gets a lower seq than A's below
    const a1 = addNote(onA.document, ann, 'A, then A compacts');
    await waitForAck(onA);
    // A's client leaves: A stores (compacts) and unloads the board, while B still holds it.
    onA.destroy();
    await waitFor(() => !a.server.hocuspocus.documents.has(id), { what: 'A to store and unload the board' });
    expect(readBoard(onB.document).notesById.has(a1)).toBe(false); // no relay: B never saw it
    let stored = await storedBoard(a, id);
    expect(stored.notesById.has(b1)).toBe(true); // A's compaction kept B's row
    expect(stored.notesById.has(a1)).toBe(true);

    // B compacts on top of A's newer snapshot: it merges it first, so A's note survives too.
    const b2 = addNote(onB.document, bob, 'B after A compacted');
    await waitForAck(onB);
    onB.destroy();
    await waitFor(() => !b.server.hocuspocus.documents.has(id), { what: 'B to store and unload the board' });
    stored = await storedBoard(b, id);
    for (const note of [b1, a1, b2]) expect(stored.notesById.has(note), note).toBe(true);
    const raw = await b.server.store.boards.loadBoard(id);
    expect(raw?.updates).toEqual([]); // and every row was folded into the snapshot
    expect(await b.server.store.boards.snapshotRevision(id)).toBe(2);
  });

  it('the comments document too: two instances compacting it, no relay, lose no comment', async () => {
    const { a, b } = await twoInstances({ redis: false });
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const onA = await connect(a, `${id}/comments`, { token: tokens.commenter });
    const onB = await connect(b, `${id}/comments`, { token: tokens.commenter });
    const person = { id: 'user-ann', name: 'Ann', department: 'sales' } as const;
    const fromB = executeCommentsCommand(onB.document, person, 'startThread', {
      target: { kind: 'board', id },
      text: 'B first',
    }).commentId;
    await waitForAck(onB);
    const fromA = executeCommentsCommand(onA.document, person, 'startThread', {
      target: { kind: 'board', id },
      text: 'A, then A compacts',
    }).commentId;
    await waitForAck(onA);
    onA.destroy();
    await waitFor(() => !a.server.hocuspocus.documents.has(`${id}/comments`), {
      what: 'A to store and unload the comments',
    });
    const later = executeCommentsCommand(onB.document, person, 'startThread', {
      target: { kind: 'board', id },
      text: 'B after',
    }).commentId;
    await waitForAck(onB);
    onB.destroy();
    await waitFor(() => !b.server.hocuspocus.documents.has(`${id}/comments`), {
      what: 'B to store and unload the comments',
    });
    const stored = await loadBoardDocumentDoc(b.server.store, id, 'comments');
    for (const c of [fromB, fromA, later]) expect(commentsMap(stored!.doc).has(c), c).toBe(true);
    stored!.doc.destroy();
  });

  it('both instances editing and compacting at once (Redis on, short debounce): the store always ends with every acknowledged edit', async () => {
    const { a, b } = await twoInstances();
    const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const onA = await connect(a, id);
    const onB = await connect(b, id);
    const written: NoteId[] = [];
    for (let round = 0; round < 6; round++) {
      written.push(addNote(onA.document, ann, `A ${round}`, round % 5));
      written.push(addNote(onB.document, bob, `B ${round}`, (round + 2) % 5));
      await Promise.all([waitForAck(onA), waitForAck(onB)]);
      // Each instance compacts now, while both hold the board (Hocuspocus's own store call).
      await Promise.all([storeNow(a, id), storeNow(b, id)]);
    }
    const stored = await storedBoard(a, id);
    for (const note of written) expect(stored.notesById.has(note), note).toBe(true);
    await waitFor(
      () => written.every((n) => readBoard(onA.document).notesById.has(n) && readBoard(onB.document).notesById.has(n)),
      {
        what: 'both clients to converge',
      },
    );
  });

  it('server-side writes on A (a checkpoint restore) and its broadcasts reach clients on B', async () => {
    const { a, b } = await twoInstances();
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'ecommerce', title: 'Before' });
    const heard: string[] = [];
    const onB = await connect(b, id, { onStateless: (payload) => heard.push(payload) });
    const api = (path: string, init: RequestInit = {}) =>
      fetchAsPerson(`${a.url}${path}`, tokens.facilitator, {
        ...init,
        headers: { 'Content-Type': 'application/json' },
      });

    const saved = await api(`/api/boards/${id}/checkpoints`, {
      method: 'POST',
      body: JSON.stringify({ label: 'Start', by: { id: 'ann', name: 'Ann' } }),
    });
    expect(saved.status).toBe(201);
    const checkpoint = (await saved.json()) as CheckpointSummary;
    executeCommand(onB.document, bob, 'renameBoard', { title: 'Renamed on B' });
    const added = addNote(onB.document, bob, 'Added on B after the checkpoint');
    await waitForAck(onB);

    // A has no client on this board: it opens it (syncing B's in-memory state through Redis),
    // restores, and the change and the "checkpoints changed" broadcast travel to B.
    const restored = await api(`/api/boards/${id}/checkpoints/${checkpoint.id}/restore`, {
      method: 'POST',
      body: '{}',
    });
    expect(restored.status).toBe(200);
    await waitFor(() => readBoard(onB.document).meta.title === 'Before', {
      what: 'B’s client to see the restore made on A',
    });
    expect(readBoard(onB.document).notesById.has(added)).toBe(false);
    await waitFor(() => heard.includes(CHECKPOINTS_CHANGED), { what: 'B’s client to hear A’s broadcast' });
    // The server's own change is logged right after it is made (not awaited by the HTTP answer).
    await waitFor(async () => (await storedBoard(b, id)).meta.title === 'Before', { what: 'the restore to be stored' });
  });

  it('a record repaired by B (a client there wrote a malformed one) reaches A’s clients repaired', async () => {
    const { a, b } = await twoInstances();
    const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const onA = await connect(a, id);
    const hostile = await connect(b, id);
    const records = recordsMap(hostile.document) as unknown as Y.Map<unknown>;
    let valid: NoteId | undefined;
    hostile.document.transact(() => {
      records.set('note:notamap0000001', 'just a string');
      const { stages, lanes } = readBoard(hostile.document);
      valid = executeCommand(hostile.document, bob, 'addNote', {
        stageId: stages[0]!.id,
        laneId: lanes[0]!.id,
        text: 'Valid, in the same change',
      });
    });
    await waitFor(() => readBoard(onA.document).notesById.has(valid!), { what: 'A’s client to get the change' });
    await waitFor(() => !recordsMap(onA.document).has('note:notamap0000001'), { what: 'A’s client to get B’s repair' });
    // Broadcasts do not wait for the log; the author's acknowledgement does: then it is stored.
    await waitForAck(hostile);
    const stored = await loadBoardDoc(a.server.store, id);
    expect(recordsMap(stored!.doc).has('note:notamap0000001')).toBe(false); // the repair is stored too
    expect(readBoard(stored!.doc).notesById.has(valid!)).toBe(true);
    stored!.doc.destroy();
  });

  it('rotating a link on A disconnects that link’s clients on A and on B', async () => {
    const { a, b } = await twoInstances();
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'blank' });
    const closes = (p: HocuspocusProvider) => {
      const reasons: string[] = [];
      p.on('close', ({ event }: { event: CloseEvent }) => reasons.push(event.reason));
      return reasons;
    };
    const editorOnA = await connect(a, id, { token: tokens.editor });
    const editorOnB = await connect(b, id, { token: tokens.editor });
    const viewerOnB = await connect(b, id, { token: tokens.viewer });
    const [onA, onB, viewer] = [closes(editorOnA), closes(editorOnB), closes(viewerOnB)];

    const res = await fetchAsPerson(`${a.url}/api/boards/${id}/links/editor/rotate`, tokens.facilitator, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    await waitFor(() => onA.includes(LinkRotated.reason), { what: 'the editor on A to be disconnected' });
    await waitFor(() => onB.includes(LinkRotated.reason), { what: 'the editor on B to be disconnected' });
    expect(viewer).toEqual([]); // another role's link still works
  });
});

describe('several instances as separate processes (node server/main.ts, as deployed)', () => {
  it('two processes with DATABASE_URL and REDIS_URL serve one board together, and each stops cleanly', async () => {
    const schema = uniqueSchema();
    const dir = makeTempDir();
    const env = {
      DATA_DIR: dir,
      CLIENT_DIR: `${dir}/no-client`,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: uniqueRedisPrefix(),
      LOG_LEVEL: 'warn',
    };
    const started = await Promise.allSettled([spawnServer(env), spawnServer(env)]);
    const children = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (children.length < 2) {
      // One did not start: stop the other and clean up before failing.
      for (const c of children) c.child.kill('SIGTERM');
      await Promise.all(children.map((c) => c.exited));
      removeDir(dir);
      await dropSchema(schema);
      throw (started.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason;
    }
    const [a, b] = children as [ChildServer, ChildServer];
    const providers: HocuspocusProvider[] = [];
    try {
      const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
      const onA = await connectProvider(a.wsUrl, id);
      const onB = await connectProvider(b.wsUrl, id);
      providers.push(onA, onB);
      const fromA = addNote(onA.document, ann, 'From process A');
      const fromB = addNote(onB.document, bob, 'From process B', 1);
      await waitFor(
        () => readBoard(onB.document).notesById.has(fromA) && readBoard(onA.document).notesById.has(fromB),
        { what: 'both processes’ clients to converge' },
      );
    } finally {
      providers.forEach((p) => p.destroy());
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      const exits = await Promise.all([a.exited, b.exited]);
      expect(exits.map((e) => e.code)).toEqual([0, 0]);
      removeDir(dir);
      await dropSchema(schema);
    }
  });
});

/** Runs Hocuspocus's store hooks for the board now (what its debounce does after 2 s). */
async function storeNow(server: TestServer, boardId: string): Promise<void> {
  const hocuspocus = server.server.hocuspocus;
  const document = hocuspocus.documents.get(boardId);
  if (!document) throw new Error(`board ${boardId} is not open on ${server.url}`);
  await hocuspocus.storeDocumentHooks(
    document,
    {
      instance: hocuspocus,
      clientsCount: document.getConnectionsCount(),
      document,
      documentName: boardId,
      lastContext: {},
      lastTransactionOrigin: undefined,
    },
    true,
  );
}
