import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { sqlitePath } from './database.ts';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach(removeDir));
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};

describe('Database.openSqlite', () => {
  it('keeps its data in one WAL-mode file under DATA_DIR', async () => {
    const dir = tempDir();
    const store = await openSqliteRepositories(dir);
    await store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([5]) });
    await store.close();
    const raw = new DatabaseSync(sqlitePath(dir));
    expect(raw.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    expect(raw.prepare('SELECT count(*) AS n FROM boards').get()?.n).toBe(1);
    raw.close();
  });

  it('creates DATA_DIR when it is missing', async () => {
    const store = await openSqliteRepositories(`${tempDir()}/nested/data`);
    expect(await store.boards.getBoardInfo('board0000001')).toBeNull();
    await store.close();
  });

  it('VACUUM INTO (the backup) makes a consistent copy while the database is open', async () => {
    const store = await openSqliteRepositories(tempDir());
    await store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([5]) });
    await store.boards.appendUpdate('board0000001', new Uint8Array([6]), 2);
    const copyDir = tempDir();
    store.database.sqlite!.prepare('VACUUM INTO ?').run(sqlitePath(copyDir));
    const copy = await openSqliteRepositories(copyDir);
    expect((await copy.boards.loadBoard('board0000001'))?.updates.map((u) => u.update)).toEqual([new Uint8Array([6])]);
    await copy.close();
    await store.close();
  });
});

describe('Database.openPostgres', () => {
  // Found by server/scaleOut.test.ts: two processes starting together on a new database, one
  // failed with "duplicate key value violates unique constraint pg_type_typname_nsp_index".
  it('several instances opening a new schema at once all succeed (the DDL is serialised)', async () => {
    const schema = uniqueSchema();
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => openTestPostgresStore(schema)));
      for (const s of stores) await s.close();
    } finally {
      await dropSchema(schema);
    }
  });
});
