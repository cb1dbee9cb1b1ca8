import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import type { StoredIntegrationKey } from './IntegrationKeyRepository.ts';

const open = testDatabases();
const BOARD = 'board0000001';
const OTHER = 'board0000002';

const key = (id: string, boardId: string, createdAt: number): StoredIntegrationKey => ({
  id,
  boardId,
  name: `Job ${id}`,
  prefix: `jbk_${id}`,
  keyHash: `hash-of-${id}`,
  createdAt,
  lastUsedAt: null,
});

describe.each(DATABASES)('IntegrationKeyRepository on %s', (name) => {
  it('lists a board’s keys oldest first, finds one by hash, marks it used and revokes it, across a restart', async () => {
    const opened = await open(name);
    const { store } = opened;
    for (const id of [BOARD, OTHER])
      await store.boards.createBoard({ id, title: 'A', createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    await store.integrationKeys.add(key('ik_b', BOARD, 20));
    await store.integrationKeys.add(key('ik_a', BOARD, 10));
    await store.integrationKeys.add(key('ik_c', OTHER, 5));
    expect((await store.integrationKeys.list(BOARD)).map((k) => k.id)).toEqual(['ik_a', 'ik_b']);
    expect(await store.integrationKeys.byHash('hash-of-ik_c')).toEqual(key('ik_c', OTHER, 5));
    expect(await store.integrationKeys.byHash('hash-of-nothing')).toBeNull();

    await store.integrationKeys.markUsed('ik_a', 1_800_000_000_000);
    // Another board's key is not this board's to revoke.
    expect(await store.integrationKeys.revoke(BOARD, 'ik_c')).toBe(false);
    expect(await store.integrationKeys.revoke(BOARD, 'ik_b')).toBe(true);

    const reopened = await opened.reopen();
    expect(await reopened.integrationKeys.list(BOARD)).toEqual([
      { ...key('ik_a', BOARD, 10), lastUsedAt: 1_800_000_000_000 },
    ]);
    expect(await reopened.integrationKeys.byHash('hash-of-ik_b')).toBeNull();
  });

  it('refuses a second key with the same hash', async () => {
    const { store } = await open(name);
    await store.boards.createBoard({ id: BOARD, title: 'A', createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    await store.integrationKeys.add(key('ik_a', BOARD, 10));
    await expect(store.integrationKeys.add({ ...key('ik_b', BOARD, 11), keyHash: 'hash-of-ik_a' })).rejects.toThrow();
    expect((await store.integrationKeys.list(BOARD)).map((k) => k.id)).toEqual(['ik_a']);
  });
});
