import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';

const open = testDatabases();

describe.each(DATABASES)('ActivityRepository on %s', (name) => {
  const fresh = async () => {
    const s = await open(name);
    await s.store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([1]) });
    return s;
  };
  const ann = { id: 'user-ann', name: 'Ann', department: 'sales' };

  it('a first visit has no previous time; the next one returns the last-seen time, moved on by leaving', async () => {
    const { store, reopen } = await fresh();
    expect(await store.activity.recordVisit('board0000001', ann, 1000)).toEqual({
      firstSeenAt: 1000,
      previousSeenAt: null,
    });
    await store.activity.touchVisit('board0000001', 'user-ann', 1500);
    await store.activity.touchVisit('board0000001', 'user-ann', 1200); // never backwards
    const again = await reopen();
    expect(await again.activity.recordVisit('board0000001', { ...ann, name: 'Ann L.' }, 5000)).toEqual({
      firstSeenAt: 1000,
      previousSeenAt: 1500,
    });
    expect(await again.activity.recordVisit('board0000001', ann, 6000)).toEqual({
      firstSeenAt: 1000,
      previousSeenAt: 5000,
    });
    await expect(again.activity.recordVisit('missing00000', ann, 1)).rejects.toThrow();
  });

  it('thread reads per person keep the latest time', async () => {
    const { store } = await fresh();
    await store.activity.markThreadRead('board0000001', 'user-ann', 'thread:a', 10);
    await store.activity.markThreadRead('board0000001', 'user-ann', 'thread:a', 5);
    await store.activity.markThreadRead('board0000001', 'user-ann', 'thread:b', 7);
    await store.activity.markThreadRead('board0000001', 'user-bob', 'thread:a', 99);
    expect(await store.activity.loadThreadReads('board0000001', 'user-ann')).toEqual({
      'thread:a': 10,
      'thread:b': 7,
    });
  });

  it('activity: events after a time, in order, limited', async () => {
    const { store } = await fresh();
    await store.activity.appendActivity('board0000001', [
      { at: 10, noteId: 'note:a', change: 'added', label: 'A', by: 'person-a' },
      { at: 20, noteId: 'note:a', change: 'edited', label: 'A2', by: 'person-b' },
    ]);
    await store.activity.appendActivity('board0000001', [
      { at: 30, noteId: 'note:b', change: 'deleted', label: 'B', by: null },
    ]);
    await store.activity.appendActivity('board0000001', []);
    expect(
      (await store.activity.listActivity('board0000001', 10, 100)).map((e) => [
        e.noteId,
        e.change,
        e.at,
        e.label,
        e.by,
      ]),
    ).toEqual([
      ['note:a', 'edited', 20, 'A2', 'person-b'],
      ['note:b', 'deleted', 30, 'B', null],
    ]);
    expect(await store.activity.listActivity('board0000001', 0, 1)).toHaveLength(1);
    await store.activity.pruneActivity('board0000001', 20);
    expect((await store.activity.listActivity('board0000001', 0, 100)).map((e) => e.at)).toEqual([20, 30]);
  });

  it('batches of several sizes, a repeated size and ones beyond a single insert, keep every event and value', async () => {
    const { store } = await fresh();
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        at: from + i,
        noteId: `note:${from + i}`,
        change: 'edited' as const,
        label: `L${from + i}`,
        by: i % 2 === 0 ? `person-${from + i}` : null,
      }));
    const batches = [batch(100, 2), batch(200, 2), batch(300, 1), batch(400, 40), batch(500, 64)];
    for (const events of batches) await store.activity.appendActivity('board0000001', events);
    expect(await store.activity.listActivity('board0000001', 0, 200)).toEqual(batches.flat());
  });

  it('a batch larger than one insert is stored whole or not at all', async () => {
    const { store } = await fresh();
    const events = Array.from({ length: 40 }, (_, i) => ({
      at: i,
      noteId: `note:${i}`,
      change: 'added' as const,
      label: 'L',
      by: null,
    }));
    // The last row breaks NOT NULL, in the second insert of the batch.
    const broken = events.map((e, i) => (i === 39 ? { ...e, noteId: null as unknown as string } : e));
    await expect(store.activity.appendActivity('board0000001', broken)).rejects.toThrow();
    expect(await store.activity.listActivity('board0000001', -1, 100)).toEqual([]);
  });
});
