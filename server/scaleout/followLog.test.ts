import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import type * as Y from 'yjs';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { commentsMap, executeCommentsCommand } from '../../shared/comments/index.ts';
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { TEST_REDIS_URL, uniqueRedisPrefix } from '../testing/redis.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'support' } as const;

/**
 * Each instance follows the log of the boards it holds, so an acknowledged edit reaches it even
 * when its relay through Redis never comes. Here the two instances share PostgreSQL but listen on
 * different Redis prefixes: every relay between them is lost, as when the instance that made the
 * edit dies right after acknowledging it, or Redis is away.
 */
describe('following the log across instances (relays lost)', () => {
  const cleanups = cleanupsAfterEach();

  const twoInstancesWithoutRelay = async (): Promise<{ a: TestServer; b: TestServer }> => {
    const schema = uniqueSchema();
    cleanups.push(() => dropSchema(schema));
    const on = (prefix: string) => ({
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: prefix,
      logFollowMs: 50,
    });
    const a = await startTestServer(on(uniqueRedisPrefix()));
    cleanups.push(() => a.close());
    const b = await startTestServer(on(uniqueRedisPrefix()));
    cleanups.push(() => b.close());
    return { a, b };
  };
  const connect = async (server: TestServer, name: string, options: Parameters<typeof connectProvider>[2] = {}) => {
    const provider = await connectProvider(server.wsUrl, name, options);
    cleanups.push(() => provider.destroy());
    return provider;
  };
  const noteText = (p: HocuspocusProvider, id: ReturnType<typeof addNote>) =>
    readBoard(p.document).notesById.get(id)?.text;
  const addNote = (doc: Y.Doc, text: string) => {
    const { stages, lanes } = readBoard(doc);
    return executeCommand(doc, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text });
  };

  it('an edit acknowledged on A reaches B’s clients from the log, and B’s later edit of it wins everywhere', async () => {
    const { a, b } = await twoInstancesWithoutRelay();
    const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const writerOnA = await connect(a, id);
    const readerOnB = await connect(b, id);
    const writerOnB = await connect(b, id);

    const note = addNote(writerOnA.document, 'w-1');
    await waitForAck(writerOnA);
    await waitFor(() => noteText(readerOnB, note) === 'w-1', { what: 'B’s reader to get A’s edit from the log' });

    for (let k = 2; k <= 6; k++) {
      executeCommand(writerOnA.document, ann, 'editNoteText', { noteId: note, text: `w-${k}` });
      await waitForAck(writerOnA);
      await waitFor(() => noteText(writerOnB, note) === `w-${k}`, { what: `B’s writer to see w-${k}` });
      executeCommand(writerOnB.document, bob, 'editNoteText', { noteId: note, text: `w-${1000 + k}` });
      await waitForAck(writerOnB);
      await waitFor(() => noteText(writerOnA, note) === `w-${1000 + k}`, { what: `A’s writer to see w-${1000 + k}` });
    }
    await waitFor(() => noteText(readerOnB, note) === 'w-1006', { what: 'B’s reader to converge' });
    const stored = (await loadBoardDoc(b.server.store, id))!;
    expect(readBoard(stored.doc).notesById.get(note)?.text).toBe('w-1006');
    expect(stored.gap).toBeNull();
    stored.doc.destroy();

    // B says it got changes from the log that Redis never brought, and how late.
    const health = (await (await fetch(`${b.url}/healthz`)).json()) as HealthResponse;
    expect(health.redis).toBe('up');
    expect(health.relayLagMs).toBeTypeOf('number');
    expect(health.relayLagMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps following after another instance compacted the board (it merges the new snapshot)', async () => {
    const { a, b } = await twoInstancesWithoutRelay();
    const { id } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const readerOnB = await connect(b, id);
    const first = await connectProvider(a.wsUrl, id);
    const before = addNote(first.document, 'before A compacted');
    await waitForAck(first);
    first.destroy(); // A stores (compacts) and unloads the board; its row is gone from the log
    await waitFor(() => !a.server.hocuspocus.documents.has(id), { what: 'A to compact and unload the board' });
    await waitFor(() => noteText(readerOnB, before) === 'before A compacted', { what: 'B to have the note' });

    const again = await connect(a, id);
    const after = addNote(again.document, 'after A compacted');
    await waitForAck(again);
    await waitFor(() => noteText(readerOnB, after) === 'after A compacted', { what: 'B to follow on' });
  });

  it('the comments document is followed too', async () => {
    const { a, b } = await twoInstancesWithoutRelay();
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const onA = await connect(a, `${id}/comments`, { token: tokens.commenter });
    const onB = await connect(b, `${id}/comments`, { token: tokens.commenter });
    const { commentId } = executeCommentsCommand(
      onA.document,
      { id: 'user-ann', name: 'Ann', department: 'sales' },
      'startThread',
      { target: { kind: 'board', id }, text: 'Asked on A' },
    );
    await waitForAck(onA);
    await waitFor(() => commentsMap(onB.document).has(commentId), { what: 'B’s commenter to get A’s comment' });
  });
});
