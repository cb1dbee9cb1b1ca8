import type { Repositories } from '../repositories/Repositories.ts';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import * as Y from 'yjs';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../testing/postgres.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

/** True when the snapshot plus the first `k` log rows load without missing dependencies, for every k. */
async function everyPrefixLoads(store: Repositories, boardId: string): Promise<boolean> {
  const stored = await store.boards.loadBoard(boardId);
  if (!stored) throw new Error('not stored');
  for (let k = 0; k <= stored.updates.length; k++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates.slice(0, k)) Y.applyUpdate(doc, update);
    const complete = !doc.store.pendingDs && !doc.store.pendingStructs;
    doc.destroy();
    if (!complete) return false;
  }
  return true;
}

/**
 * The update log stays loadable whenever the process could die: a server change made while a
 * client's update is applied (a record repair) goes in that update's row, and one board's rows
 * are written in order, each after the one before it is stored.
 */
describe.each(['sqlite', 'postgresql'] as const)('Persistence: log rows in causal order (%s)', (kind) => {
  const cleanups = cleanupsAfterEach();
  const start = async (): Promise<TestServer> => {
    const schema = uniqueSchema();
    if (kind === 'postgresql') cleanups.push(() => dropSchema(schema));
    const server = await startTestServer(
      kind === 'postgresql' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {},
    );
    cleanups.push(() => server.close());
    return server;
  };
  const connect = async (server: TestServer, id: string): Promise<HocuspocusProvider> => {
    const provider = await connectProvider(server.wsUrl, id);
    cleanups.push(() => provider.destroy());
    return provider;
  };

  it('a repaired change and its repair: every prefix of the log loads', async () => {
    const server = await start();
    const { id } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const hostile = await connect(server, id);
    const other = await connect(server, id);
    const records = recordsMap(hostile.document) as unknown as Y.Map<unknown>;
    for (let i = 0; i < 5; i++) {
      records.set(`note:notamap000000${i}`, 'just a string'); // repaired (removed) by the server
      const { stages, lanes } = readBoard(other.document);
      executeCommand(other.document, { id: 'o', name: 'O', department: 'sales' }, 'addNote', {
        stageId: stages[0]!.id,
        laneId: lanes[0]!.id,
        text: `note ${i}`,
      });
    }
    await Promise.all([waitForAck(hostile), waitForAck(other)]);
    await waitFor(() => [0, 1, 2, 3, 4].every((i) => !recordsMap(hostile.document).has(`note:notamap000000${i}`)), {
      what: 'the repairs',
    });
    expect(await everyPrefixLoads(server.server.store, id)).toBe(true);
  });
});
