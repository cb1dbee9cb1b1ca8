import { type Repositories, openSqliteRepositories } from '../repositories/Repositories.ts';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dropSchema, openTestPostgresStore, uniqueSchema } from '../testing/postgres.ts';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import type { StoredTemplate } from './TemplateStore.ts';

const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  dirs.splice(0).forEach(removeDir);
  for (const s of schemas.splice(0)) await dropSchema(s);
});

const stores: Record<string, () => Promise<{ store: Repositories; reopen: () => Promise<Repositories> }>> = {
  SQLite: async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const store = await openSqliteRepositories(dir);
    return { store, reopen: async () => (await store.close(), await openSqliteRepositories(dir)) };
  },
  PostgreSQL: async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const store = await openTestPostgresStore(schema);
    return { store, reopen: async () => (await store.close(), openTestPostgresStore(schema)) };
  },
};

const template = (id: string, createdAt: number): StoredTemplate => ({
  id,
  name: `Template ${id}`,
  description: 'From a workshop',
  sourceBoardId: 'board0000001',
  createdAt,
  body: JSON.stringify({ id }),
});

describe.each(Object.keys(stores))('TemplateStore on %s', (name) => {
  const open: Repositories[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('adds, lists newest first, gets and counts; survives a restart; refuses a taken id', async () => {
    const { store, reopen } = await stores[name]!();
    open.push(store);
    expect(await store.templates.listTemplates()).toEqual([]);
    expect(await store.templates.countTemplates()).toBe(0);
    await store.templates.addTemplate(template('saved-aaaaaaaaaaaa', 1000));
    await store.templates.addTemplate(template('saved-bbbbbbbbbbbb', 2000));
    expect((await store.templates.listTemplates()).map((t) => t.id)).toEqual([
      'saved-bbbbbbbbbbbb',
      'saved-aaaaaaaaaaaa',
    ]);
    await expect(store.templates.addTemplate(template('saved-aaaaaaaaaaaa', 3000))).rejects.toThrow();
    const again = await reopen();
    open.splice(0, 1, again);
    expect(await again.templates.getTemplate('saved-aaaaaaaaaaaa')).toEqual(template('saved-aaaaaaaaaaaa', 1000));
    expect(await again.templates.getTemplate('saved-nothere00000')).toBeNull();
    expect(await again.templates.countTemplates()).toBe(2);
  });

  it('deletes one template and says whether there was one', async () => {
    const { store } = await stores[name]!();
    open.push(store);
    await store.templates.addTemplate(template('saved-aaaaaaaaaaaa', 1000));
    await store.templates.addTemplate(template('saved-bbbbbbbbbbbb', 2000));
    expect(await store.templates.deleteTemplate('saved-aaaaaaaaaaaa')).toBe(true);
    expect(await store.templates.deleteTemplate('saved-aaaaaaaaaaaa')).toBe(false);
    expect((await store.templates.listTemplates()).map((t) => t.id)).toEqual(['saved-bbbbbbbbbbbb']);
  });
});
