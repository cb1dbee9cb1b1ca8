import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { describeActivityContract } from './activityContract.ts';
import { describeBoardDocumentContract } from './boardDocumentContract.ts';
import { describeBoardStoreContract } from './boardStoreContract.ts';
import { SqliteBoardStore, sqlitePath } from './SqliteBoardStore.ts';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach(removeDir));
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};

describeBoardStoreContract('SQLite', async () => {
  const dir = tempDir();
  const store = SqliteBoardStore.open(dir);
  return { store, reopen: async () => (await store.close(), SqliteBoardStore.open(dir)) };
});

describe('SqliteBoardStore', () => {
  it('keeps its data in one WAL-mode file under DATA_DIR', async () => {
    const dir = tempDir();
    const store = SqliteBoardStore.open(dir);
    await store.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([5]) });
    await store.close();
    const raw = new DatabaseSync(sqlitePath(dir));
    expect(raw.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    expect(raw.prepare('SELECT count(*) AS n FROM boards').get()?.n).toBe(1);
    raw.close();
  });

  it('creates DATA_DIR when it is missing', async () => {
    const store = SqliteBoardStore.open(`${tempDir()}/nested/data`);
    expect(await store.getBoardInfo('board0000001')).toBeNull();
    await store.close();
  });

  it('backupTo makes a consistent copy while the store is open', async () => {
    const store = SqliteBoardStore.open(tempDir());
    await store.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([5]) });
    await store.appendUpdate('board0000001', new Uint8Array([6]), 2);
    const copyDir = tempDir();
    store.backupTo(sqlitePath(copyDir));
    const copy = SqliteBoardStore.open(copyDir);
    expect((await copy.loadBoard('board0000001'))?.updates.map((u) => u.update)).toEqual([new Uint8Array([6])]);
    await copy.close();
    await store.close();
  });
});

describeBoardDocumentContract('SQLite', async () => {
  const dir = tempDir();
  const store = SqliteBoardStore.open(dir);
  return { store, reopen: async () => (await store.close(), SqliteBoardStore.open(dir)) };
});

describeActivityContract('SQLite', async () => {
  const dir = tempDir();
  const store = SqliteBoardStore.open(dir);
  return { store, reopen: async () => (await store.close(), SqliteBoardStore.open(dir)) };
});
