import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import * as Y from 'yjs';
import { metaMap } from '../../shared/doc/boardDoc.ts';
import { executeCommand, findTemplate, readBoard, readMeta, SCHEMA_VERSION } from '../../shared/index.ts';
import { decodeBoard, loadBoardDoc, newBoardRow } from '../storage/boardState.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { RawDatabase } from '../testing/rawDatabase.ts';
import {
  createBoardOverHttp,
  grantLinks,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'support' } as const;

describe('Persistence', () => {
  const cleanups = cleanupsAfterEach();
  const start = async (dataDir?: string): Promise<TestServer> => {
    const server = await startTestServer({ dataDir });
    cleanups.push(() => server.close());
    return server;
  };
  const connect = async (server: TestServer, boardId: string): Promise<HocuspocusProvider> => {
    const provider = await connectProvider(server.wsUrl, boardId);
    cleanups.push(() => provider.destroy());
    return provider;
  };
  const tempDir = () => {
    const dir = makeTempDir();
    cleanups.unshift(() => removeDir(dir)); // removed last, after the servers using it closed
    return dir;
  };

  it('two people editing one board converge', async () => {
    const server = await start();
    const boardId = await createBoardOverHttp(server.url, { title: 'Checkout', template: 'ecommerce' });
    const a = await connect(server, boardId);
    const b = await connect(server, boardId);
    expect(readBoard(a.document).meta.title).toBe('Checkout');

    const { stages, lanes } = readBoard(b.document);
    executeCommand(a.document, ann, 'renameBoard', { title: 'Checkout v2' });
    const noteId = executeCommand(b.document, bob, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'Slow page',
    });

    await waitFor(
      () => readBoard(a.document).notesById.has(noteId) && readBoard(b.document).meta.title === 'Checkout v2',
      {
        what: 'both providers to see both edits',
      },
    );
    expect(Y.encodeStateVector(a.document)).toEqual(Y.encodeStateVector(b.document));
    expect(readBoard(a.document).notesById.get(noteId)?.text).toBe('Slow page');
  });

  it('an acknowledged edit is already in storage (the update log), before any compaction', async () => {
    const server = await start();
    const boardId = await createBoardOverHttp(server.url);
    const a = await connect(server, boardId);
    executeCommand(a.document, ann, 'renameBoard', { title: 'Saved at once' });
    await waitForAck(a);

    // Read back through a second connection to the file, as a restarted process would.
    const stored = await loadBoardDoc(server.server.store, boardId);
    expect(readMeta(stored!.doc).title).toBe('Saved at once');
  });

  it('a restart on the same DATA_DIR keeps the board and its edits; shutdown compacts the log', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const boardId = await createBoardOverHttp(first.url, { title: 'Before', template: 'b2b-saas-onboarding' });
    const a = await connectProvider(first.wsUrl, boardId);
    executeCommand(a.document, ann, 'renameBoard', { title: 'After restart' });
    await waitForAck(a);
    await first.close();
    a.destroy();

    const raw = new RawDatabase(dataDir);
    cleanups.push(() => raw.close());
    expect(raw.logRowCount(boardId)).toBe(0);
    expect(
      readMeta(
        decodeBoard({
          id: boardId,
          title: '',
          createdAt: 0,
          updatedAt: 0,
          snapshot: raw.snapshot(boardId),
          updates: [],
        }),
      ).title,
    ).toBe('After restart');

    const second = await start(dataDir);
    const b = await connect(second, boardId);
    expect(readBoard(b.document).meta.title).toBe('After restart');
    expect(readBoard(b.document).stages.length).toBe(findTemplate('b2b-saas-onboarding')!.stages.length);
  });

  it('migrates an old board on load and stores the result', async () => {
    const dataDir = tempDir();
    const server = await start(dataDir);
    // A board written before schema version 1: no schemaVersion, no title in meta.
    const row = newBoardRow({ boardId: 'oldboard0001', title: 'ignored', template: findTemplate('blank')!, now: 1000 });
    const old = decodeBoard({ ...row, updatedAt: 1000, updates: [] });
    metaMap(old).delete('schemaVersion');
    metaMap(old).delete('title');
    await server.server.store.boards.createBoard({ ...row, snapshot: Y.encodeStateAsUpdate(old) });
    await grantLinks(server.server.store, 'oldboard0001');

    const a = await connect(server, 'oldboard0001');
    expect(readMeta(a.document)).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Untitled journey' });
    // Persisted: a fresh read of storage (snapshot + log) is migrated, not only the live copy.
    const stored = await loadBoardDoc(server.server.store, 'oldboard0001');
    expect(readMeta(stored!.doc).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
