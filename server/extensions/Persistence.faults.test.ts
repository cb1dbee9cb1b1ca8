import path from 'node:path';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { parseStorageStatus, type StorageStatus } from '../../shared/protocol/storageStatus.ts';
import { createServer, type JourneyboardServer } from '../createServer.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { FlakyStore } from '../testing/flakyStore.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardOverHttp, makeTempDir, removeDir } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('Persistence when storage fails', () => {
  const cleanups = cleanupsAfterEach();

  const start = async () => {
    const dataDir = makeTempDir();
    cleanups.push(() => removeDir(dataDir));
    const inner = await openSqliteRepositories(dataDir);
    const flaky = new FlakyStore(inner);
    const server: JourneyboardServer = await createServer(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir,
        clientDir: path.join(dataDir, 'none'),
        maxBodyBytes: 1 << 20,
        maxMessageBytes: 1 << 24,
      },
      { store: flaky.store, saveRetry: { firstDelayMs: 20, maxDelayMs: 100 } },
    );
    cleanups.push(() => server.close());
    return { server, flaky, inner };
  };
  const connect = async (server: JourneyboardServer, boardId: string) => {
    const statuses: StorageStatus[] = [];
    const provider = await connectProvider(server.wsUrl, boardId, {
      onStateless: (payload) => {
        const status = parseStorageStatus(payload);
        if (status) statuses.push(status);
      },
    });
    cleanups.push(() => provider.destroy());
    return { provider, statuses };
  };
  const addNote = (provider: HocuspocusProvider, text: string) => {
    const { stages, lanes } = readBoard(provider.document);
    return executeCommand(provider.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text });
  };

  it('a store that throws keeps the board in memory, says saving is delayed, retries with back-off, and stores everything once it works', async () => {
    const { server, flaky, inner } = await start();
    const boardId = await createBoardOverHttp(server.url, { template: 'ecommerce' });
    const a = await connect(server, boardId);

    flaky.failing = true;
    const during = addNote(a.provider, 'Written while the disk is full');
    await waitFor(() => a.statuses.some((s) => s.state === 'delayed'), { what: 'a "saving delayed" message' });
    await waitForAck(a.provider); // nothing was refused or dropped: the edit is live for everyone
    const live = server.hocuspocus.documents.get(boardId)!;
    expect(readBoard(live).notesById.get(during)?.text).toBe('Written while the disk is full');
    expect(server.persistence.isSavingDelayed(live)).toBe(true);

    // Someone joining meanwhile hears it at once, and gets the edit.
    const b = await connect(server, boardId);
    await waitFor(() => b.statuses.some((s) => s.state === 'delayed'), {
      what: 'the late joiner to hear "saving delayed"',
    });
    expect(readBoard(b.provider.document).notesById.has(during)).toBe(true);

    // Everyone leaves: the board still may not be unloaded, and the server keeps retrying.
    a.provider.destroy();
    await waitFor(() => flaky.refusedCount('compactIfCurrent') >= 3, { what: 'repeated save attempts' });
    expect(server.hocuspocus.documents.has(boardId)).toBe(true);

    flaky.failing = false;
    await waitFor(() => b.statuses.some((s) => s.state === 'ok'), { what: 'the "saved again" message' });
    const stored = await loadBoardDoc(inner, boardId);
    expect(readBoard(stored!.doc).notesById.get(during)?.text).toBe('Written while the disk is full');
    stored!.doc.destroy();
    expect(server.persistence.isSavingDelayed(live)).toBe(false);

    // Once stored and with nobody left, the board is unloaded as usual.
    b.provider.destroy();
    await waitFor(() => !server.hocuspocus.documents.has(boardId), { what: 'the board to unload' });
  });

  it('a failed append is covered by the retried full save even if nobody edits again', async () => {
    const { server, flaky, inner } = await start();
    const boardId = await createBoardOverHttp(server.url);
    const a = await connect(server, boardId);
    flaky.failing = true;
    const note = addNote(a.provider, 'Only in memory for a while');
    await waitFor(() => flaky.refusedCount('appendUpdate') >= 1, { what: 'the append to fail' });
    flaky.failing = false;
    await waitFor(() => a.statuses.some((s) => s.state === 'ok'), { what: 'the retried save' });
    const stored = await loadBoardDoc(inner, boardId);
    expect(readBoard(stored!.doc).notesById.has(note)).toBe(true);
    stored!.doc.destroy();
  });
});
