import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import { PreparedQuery } from './PreparedQuery.ts';

const open = testDatabases();

interface Tables {
  boards: { id: string; title: string; createdAt: number; updatedAt: number };
}

describe.each(DATABASES)('PreparedQuery on %s', (name) => {
  it('runs with each call’s values, keeps the constants it was built with, and maps rows like the builder', async () => {
    const { store } = await open(name);
    for (const [id, title] of Object.entries({ board0000001: 'A', board0000002: 'B', board0000003: 'A' }))
      await store.boards.createBoard({ id, title, createdAt: 5, snapshot: new Uint8Array([1]) });
    const db = store.database.camelCase<Tables>();
    const titled = new PreparedQuery(db, ['id', 'after'], (a: { id: string; after: number }) =>
      db
        .selectFrom('boards')
        .select(['id', 'createdAt'])
        .where('title', '=', 'A')
        .where('id', '=', a.id)
        .where('createdAt', '>', a.after),
    );
    expect(await titled.execute({ id: 'board0000001', after: 0 })).toEqual([{ id: 'board0000001', createdAt: 5 }]);
    expect(await titled.execute({ id: 'board0000003', after: 0 })).toEqual([{ id: 'board0000003', createdAt: 5 }]);
    expect(await titled.execute({ id: 'board0000002', after: 0 })).toEqual([]);
    expect(await titled.execute({ id: 'board0000001', after: 5 })).toEqual([]);
  });

  it('refuses a value the builder did not send as a parameter', async () => {
    const { store } = await open(name);
    const db = store.database.camelCase<Tables>();
    expect(
      () =>
        new PreparedQuery(db, ['id', 'unused'], (a: { id: string; unused: string }) =>
          db.selectFrom('boards').select('id').where('id', '=', a.id),
        ),
    ).toThrow('unused not bound');
  });
});
