import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeCommand, readBoard, readMeta } from '../shared/index.ts';
import { decodeBoard } from './storage/boardState.ts';
import { spawnServer, type ChildServer } from './testing/childServer.ts';
import { connectProvider, waitForAck } from './testing/providers.ts';
import { RawDatabase } from './testing/rawDatabase.ts';
import { createBoardOverHttp, makeTempDir, removeDir, startTestServer } from './testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('server/main.ts as a process', () => {
  let dataDir: string;
  let child: ChildServer | undefined;
  beforeEach(() => {
    dataDir = makeTempDir();
  });
  afterEach(async () => {
    if (child && child.child.exitCode === null && child.child.signalCode === null) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
    child = undefined;
    removeDir(dataDir);
  });
  const spawnOnDataDir = async () => {
    child = await spawnServer({ DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'client') });
    return child;
  };

  it('prints one listening line with the actual port', async () => {
    const server = await spawnOnDataDir();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output().match(/listening on/g)).toHaveLength(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('on SIGTERM stores the open boards, exits 0, and the data is there after a restart', async () => {
    const server = await spawnOnDataDir();
    const boardId = await createBoardOverHttp(server.url, { template: 'ecommerce' });
    const provider = await connectProvider(server.wsUrl, boardId);
    const { stages, lanes } = readBoard(provider.document);
    executeCommand(provider.document, ann, 'renameBoard', { title: 'Stored on SIGTERM' });
    const noteId = executeCommand(provider.document, ann, 'addNote', {
      stageId: stages[1]!.id,
      laneId: lanes[2]!.id,
      text: 'Where is my parcel?',
    });
    await waitForAck(provider);

    // The provider stays connected: shutdown, not its disconnect, must do the storing.
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    provider.destroy();

    // Compacted on the way out: the snapshot alone holds the edits, the log is empty.
    const raw = new RawDatabase(dataDir);
    const snapshot = raw.snapshot(boardId);
    expect(raw.logRowCount(boardId)).toBe(0);
    raw.close();
    expect(
      readMeta(decodeBoard({ id: boardId, title: '', createdAt: 0, updatedAt: 0, snapshot, updates: [] })).title,
    ).toBe('Stored on SIGTERM');

    const restarted = await spawnOnDataDir();
    const again = await connectProvider(restarted.wsUrl, boardId);
    expect(readBoard(again.document).meta.title).toBe('Stored on SIGTERM');
    expect(readBoard(again.document).notesById.get(noteId)?.text).toBe('Where is my parcel?');
    again.destroy();
  });

  it('after kill -9, every acknowledged edit is still there', async () => {
    const server = await spawnOnDataDir();
    const boardId = await createBoardOverHttp(server.url);
    const provider = await connectProvider(server.wsUrl, boardId);
    executeCommand(provider.document, ann, 'renameBoard', { title: 'Survives a crash' });
    await waitForAck(provider);

    server.child.kill('SIGKILL');
    await server.exited;
    provider.destroy();

    const restarted = await startTestServer({ dataDir });
    try {
      const again = await connectProvider(restarted.wsUrl, boardId);
      expect(readMeta(again.document).title).toBe('Survives a crash');
      again.destroy();
    } finally {
      await restarted.close();
    }
  });
});
