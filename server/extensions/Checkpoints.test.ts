import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import * as Y from 'yjs';
import { metaMap } from '../../shared/doc/boardDoc.ts';
import { executeCommand, findTemplate, readBoard } from '../../shared/index.ts';
import { decodeBoard, newBoardRow } from '../storage/boardState.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardOverHttp, grantLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('Checkpoints (automatic)', () => {
  const cleanups = cleanupsAfterEach();
  const start = async (checkpointIntervalMs: number): Promise<TestServer> => {
    const server = await startTestServer({ checkpointIntervalMs });
    cleanups.push(() => server.close());
    return server;
  };

  it('after a stretch of activity: one checkpoint per interval with changes, none while idle', async () => {
    const server = await start(1000);
    const boardId = await createBoardOverHttp(server.url, { template: 'ecommerce' });
    const a = await connectProvider(server.wsUrl, boardId);
    cleanups.push(() => a.destroy());
    const { stages, lanes } = readBoard(a.document);
    executeCommand(a.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'one' });
    executeCommand(a.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'two' });
    await waitForAck(a);
    const list = await waitFor(
      async () => {
        const l = await server.server.store.checkpoints.listCheckpoints(boardId);
        return l.length > 0 ? l : null;
      },
      { what: 'an activity checkpoint' },
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      kind: 'activity',
      createdBy: null,
      noteCount: findTemplate('ecommerce')!.notes.length + 2,
    });
  });

  it('a board unloaded with changes not yet checkpointed is checkpointed on the way out', async () => {
    const server = await start(60 * 60 * 1000);
    const boardId = await createBoardOverHttp(server.url);
    const a = await connectProvider(server.wsUrl, boardId);
    executeCommand(a.document, ann, 'renameBoard', { title: 'Leaving' });
    await waitForAck(a);
    a.destroy();
    await waitFor(() => !server.server.hocuspocus.documents.has(boardId), { what: 'the board to unload' });
    const list = await server.server.store.checkpoints.listCheckpoints(boardId);
    expect(list.map((c) => c.kind)).toEqual(['activity']);
  });

  it('takes a checkpoint of the old board before a schema migration', async () => {
    const server = await start(60 * 60 * 1000);
    const row = newBoardRow({ boardId: 'oldboard0002', title: 'ignored', template: findTemplate('blank')!, now: 1000 });
    const old = decodeBoard({ ...row, updatedAt: 1000, updates: [] });
    metaMap(old).delete('schemaVersion');
    await server.server.store.boards.createBoard({ ...row, snapshot: Y.encodeStateAsUpdate(old) });
    await grantLinks(server.server.store, 'oldboard0002');
    const a = await connectProvider(server.wsUrl, 'oldboard0002');
    cleanups.push(() => a.destroy());
    const [cp] = await server.server.store.checkpoints.listCheckpoints('oldboard0002');
    expect(cp).toMatchObject({ kind: 'before-migration' });
    const stored = await server.server.store.checkpoints.getCheckpoint('oldboard0002', cp!.id);
    const then = new Y.Doc();
    Y.applyUpdate(then, stored!.state);
    expect(metaMap(then).get('schemaVersion')).toBeUndefined(); // the board as it was
  });
});
