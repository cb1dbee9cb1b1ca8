import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readMeta } from '../../shared/index.ts';
import { BoardNotFound, BoardUnreadable } from '../../shared/protocol/closeReasons.ts';
import { connectProvider, refusalReason, waitFor, waitForAck } from '../testing/providers.ts';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { RawDatabase } from '../testing/rawDatabase.ts';
import {
  createBoardOverHttp,
  createBoardWithLinks,
  makeTempDir,
  removeDir,
  startTestServer,
  type TestServer,
} from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

describe('BoardAccess', () => {
  let server: TestServer;
  let raw: RawDatabase;
  afterEach(async () => {
    raw?.close();
    await server?.close();
  });
  const start = async () => {
    server = await startTestServer();
    raw = new RawDatabase(server.dataDir);
  };

  it('refuses an unknown board with board-not-found, and creates nothing', async () => {
    await start();
    expect(await refusalReason(server.wsUrl, 'unknown00001')).toBe(BoardNotFound.reason);
    expect(await refusalReason(server.wsUrl, 'Not a board id!')).toBe(BoardNotFound.reason);
    expect(raw.boardCount()).toBe(0);
    expect(raw.logRowCount()).toBe(0);
    expect(server.server.hocuspocus.getDocumentsCount()).toBe(0);
    expect(server.server.hocuspocus.loadingDocuments.size).toBe(0);
  });

  it('lets several people open an unloaded board at the same moment', async () => {
    await start();
    const boardId = await createBoardOverHttp(server.url, { title: 'Rush' });
    const providers = await Promise.all([1, 2, 3].map(() => connectProvider(server.wsUrl, boardId)));
    expect(providers.map((p) => readMeta(p.document).title)).toEqual(['Rush', 'Rush', 'Rush']);
    providers.forEach((p) => p.destroy());
  });

  it('a corrupt snapshot refuses only that board; the others keep working', async () => {
    await start();
    const { id: broken, tokens: brokenTokens } = await createBoardWithLinks(server.url, { title: 'Broken' });
    const { id: healthy, tokens: healthyTokens } = await createBoardWithLinks(server.url, { title: 'Healthy' });
    raw.setSnapshot(broken, new Uint8Array([0xde, 0xad, 0xbe, 0xef]));

    expect(await refusalReason(server.wsUrl, broken)).toBe(BoardUnreadable.reason);
    expect(server.server.hocuspocus.documents.has(broken)).toBe(false);

    const ok = await connectProvider(server.wsUrl, healthy);
    executeCommand(ok.document, { id: 'u', name: 'U', department: 'sales' }, 'renameBoard', { title: 'Still fine' });
    await waitForAck(ok);
    ok.destroy();

    const brokenInfo = await fetchAsPerson(`${server.url}/api/boards/${broken}`, brokenTokens.viewer);
    expect(brokenInfo.status).toBe(500);
    expect(((await brokenInfo.json()) as { error: { code: string } }).error.code).toBe('board-unreadable');
    const healthyInfo = await fetchAsPerson(`${server.url}/api/boards/${healthy}`, healthyTokens.viewer);
    expect(((await healthyInfo.json()) as { title: string }).title).toBe('Still fine');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The damaged row is left exactly as found, for an operator to inspect.
    expect(raw.snapshot(broken)).toEqual(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
  });

  it('never serves an empty document over a board row', async () => {
    await start();
    const boardId = await createBoardOverHttp(server.url);
    raw.setSnapshot(boardId, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await refusalReason(server.wsUrl, boardId)).toBe(BoardUnreadable.reason);
  });
});

describe('BoardAccess verdicts', () => {
  it('a board stored from its live document is not decoded again just to admit the next person', async () => {
    const dir = makeTempDir();
    const inner = await openSqliteRepositories(dir);
    let loads = 0;
    const boards = new Proxy(inner.boards, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'loadBoard')
          return (...args: unknown[]) => (loads++, (value as (...a: unknown[]) => unknown).apply(target, args));
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const store = { ...inner, boards };
    const server = await startTestServer({ dataDir: dir }, { store });
    try {
      const boardId = await createBoardOverHttp(server.url, { title: 'Verdict' });
      const first = await connectProvider(server.wsUrl, boardId);
      executeCommand(first.document, { id: 'x', name: 'X', department: 'other' }, 'renameBoard', {
        title: 'Verdict, edited',
      });
      await waitForAck(first);
      first.destroy();
      // Everyone left: the board is stored and unloaded.
      await waitFor(() => server.server.hocuspocus.getDocumentsCount() === 0, { what: 'the board to unload' });
      const before = loads;
      const again = await connectProvider(server.wsUrl, boardId);
      expect(readMeta(again.document).title).toBe('Verdict, edited');
      // Persistence loads it once; BoardAccess trusted its verdict instead of decoding it first.
      expect(loads - before).toBe(1);
      again.destroy();
    } finally {
      await server.close();
      removeDir(dir);
    }
  });
});
