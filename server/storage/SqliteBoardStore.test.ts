import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { SqliteBoardStore, sqlitePath } from './SqliteBoardStore.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('SqliteBoardStore', () => {
  const dirs: string[] = [];
  const openStore = (dir = makeTempDir()) => {
    dirs.push(dir);
    return { dir, store: SqliteBoardStore.open(dir) };
  };
  afterEach(() => dirs.splice(0).forEach(removeDir));

  it('stores a board and reads it back, with no log yet', async () => {
    const { store } = openStore();
    await store.createBoard({ id: 'board0000001', title: 'Checkout', createdAt: 1000, snapshot: bytes(1, 2, 3) });
    expect(await store.getBoardInfo('board0000001')).toEqual({ id: 'board0000001', title: 'Checkout', createdAt: 1000, updatedAt: 1000 });
    const stored = await store.loadBoard('board0000001');
    expect(stored?.snapshot).toEqual(bytes(1, 2, 3));
    expect(stored?.updates).toEqual([]);
    expect(await store.getBoardInfo('nope00000000')).toBeNull();
    expect(await store.loadBoard('nope00000000')).toBeNull();
    await store.close();
  });

  it('refuses a second board with the same id', async () => {
    const { store } = openStore();
    const board = { id: 'board0000001', title: 'A', createdAt: 1, snapshot: bytes(1) };
    await store.createBoard(board);
    await expect(store.createBoard(board)).rejects.toThrow();
    await store.close();
  });

  it('appends updates in seq order and reports the last one as updatedAt', async () => {
    const { store } = openStore();
    await store.createBoard({ id: 'board0000001', title: 'A', createdAt: 1000, snapshot: bytes(0) });
    const first = store.appendUpdate('board0000001', bytes(10), 2000);
    const second = store.appendUpdate('board0000001', bytes(11), 3000);
    expect(second).toBeGreaterThan(first);
    const stored = await store.loadBoard('board0000001');
    expect(stored?.updates).toEqual([
      { seq: first, update: bytes(10) },
      { seq: second, update: bytes(11) },
    ]);
    expect(stored?.updatedAt).toBe(3000);
    await store.close();
  });

  it('compaction replaces the snapshot and deletes only the log rows it covers', async () => {
    const { store } = openStore();
    await store.createBoard({ id: 'board0000001', title: 'Old', createdAt: 1000, snapshot: bytes(0) });
    const covered = store.appendUpdate('board0000001', bytes(10), 2000);
    const later = store.appendUpdate('board0000001', bytes(11), 3000);
    await store.compact('board0000001', { snapshot: bytes(9, 9), title: 'New', upToSeq: covered, at: 2500 });
    const stored = await store.loadBoard('board0000001');
    expect(stored?.snapshot).toEqual(bytes(9, 9));
    expect(stored?.title).toBe('New');
    expect(stored?.updates).toEqual([{ seq: later, update: bytes(11) }]);
    await expect(store.compact('missing00000', { snapshot: bytes(1), title: 'x', upToSeq: 0, at: 1 })).rejects.toThrow(/not stored/);
    await store.close();
  });

  it('keeps everything across a reopen, in one WAL-mode file under DATA_DIR', async () => {
    const { dir, store } = openStore();
    await store.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: bytes(5) });
    const seq = store.appendUpdate('board0000001', bytes(6), 2);
    await store.close();

    const reopened = SqliteBoardStore.open(dir);
    expect((await reopened.loadBoard('board0000001'))?.updates).toEqual([{ seq, update: bytes(6) }]);
    await reopened.close();
    const raw = new DatabaseSync(sqlitePath(dir));
    expect(raw.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    raw.close();
  });

  it('creates DATA_DIR when it is missing', async () => {
    const parent = makeTempDir();
    dirs.push(parent);
    const store = SqliteBoardStore.open(`${parent}/nested/data`);
    expect(await store.getBoardInfo('board0000001')).toBeNull();
    await store.close();
  });
});
