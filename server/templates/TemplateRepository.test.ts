import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import type { StoredTemplate } from './TemplateRepository.ts';

const open = testDatabases();

const template = (id: string, createdAt: number): StoredTemplate => ({
  id,
  name: `Template ${id}`,
  description: 'From a workshop',
  sourceBoardId: 'board0000001',
  createdAt,
  body: JSON.stringify({ id }),
});

describe.each(DATABASES)('TemplateRepository on %s', (name) => {
  it('adds, lists newest first, gets and counts; survives a restart; refuses a taken id', async () => {
    const { store, reopen } = await open(name);
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
    expect(await again.templates.getTemplate('saved-aaaaaaaaaaaa')).toEqual(template('saved-aaaaaaaaaaaa', 1000));
    expect(await again.templates.getTemplate('saved-nothere00000')).toBeNull();
    expect(await again.templates.countTemplates()).toBe(2);
  });

  it('deletes one template and says whether there was one', async () => {
    const { store } = await open(name);
    await store.templates.addTemplate(template('saved-aaaaaaaaaaaa', 1000));
    await store.templates.addTemplate(template('saved-bbbbbbbbbbbb', 2000));
    expect(await store.templates.deleteTemplate('saved-aaaaaaaaaaaa')).toBe(true);
    expect(await store.templates.deleteTemplate('saved-aaaaaaaaaaaa')).toBe(false);
    expect((await store.templates.listTemplates()).map((t) => t.id)).toEqual(['saved-bbbbbbbbbbbb']);
  });
});
