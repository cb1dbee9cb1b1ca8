import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKSHOP_STATE, readWorkshopState } from '../../shared/protocol/workshop.ts';
import { backupNow } from '../testing/backupRoundTrip.ts';
import { DATABASES, testDatabases } from '../testing/databases.ts';

const open = testDatabases();

describe.each(DATABASES)('WorkshopStateRepository on %s', (name) => {
  it('stores one state per board, replaces it, survives a reopen, and is deleted with its board’s rows', async () => {
    const opened = await open(name);
    const { store } = opened;
    await store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    expect(await store.workshop.loadWorkshopState('board0000001')).toBeNull();

    const locked = { ...DEFAULT_WORKSHOP_STATE, lock: { locked: true, commentsOpen: false, since: 5, byTimer: false } };
    await store.workshop.saveWorkshopState('board0000001', DEFAULT_WORKSHOP_STATE, 10);
    const backedUp = await backupNow(store);
    await store.workshop.saveWorkshopState('board0000001', locked, 11);
    expect(readWorkshopState(await store.workshop.loadWorkshopState('board0000001'))).toEqual(locked);
    // A state for a board that does not exist is refused (foreign key).
    await expect(store.workshop.saveWorkshopState('nosuchboard1', locked, 12)).rejects.toThrow();
    // Restoring a board replaces its rows: the workshop row is the backup's.
    await backedUp.restore();
    expect(readWorkshopState(await store.workshop.loadWorkshopState('board0000001'))).toEqual(DEFAULT_WORKSHOP_STATE);

    await store.workshop.saveWorkshopState('board0000001', locked, 13);
    const again = await opened.reopen();
    expect(readWorkshopState(await again.workshop.loadWorkshopState('board0000001'))).toEqual(locked);
  });

  it('replaceWorkshopState writes only over the state it was read as (compare-and-set, several instances)', async () => {
    const opened = await open(name);
    const { store } = opened;
    await store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    const locked = { ...DEFAULT_WORKSHOP_STATE, lock: { locked: true, commentsOpen: false, since: 5, byTimer: false } };
    const hidden = { ...DEFAULT_WORKSHOP_STATE, hideCursors: true };

    expect(await store.workshop.replaceWorkshopState('board0000001', null, locked, 10)).toBe(true); // no row yet
    expect(await store.workshop.replaceWorkshopState('board0000001', null, hidden, 11)).toBe(false); // someone wrote first
    const read = await store.workshop.loadWorkshopState('board0000001');
    expect(await store.workshop.replaceWorkshopState('board0000001', DEFAULT_WORKSHOP_STATE, hidden, 12)).toBe(false); // stale
    expect(await store.workshop.replaceWorkshopState('board0000001', read, { ...locked, hideCursors: true }, 13)).toBe(
      true,
    );
    expect(await store.workshop.replaceWorkshopState('board0000001', read, hidden, 14)).toBe(false); // read before the last write
    expect(readWorkshopState(await store.workshop.loadWorkshopState('board0000001'))).toEqual({
      ...locked,
      hideCursors: true,
    });
  });

  it('reads a malformed stored state as the default', async () => {
    expect(readWorkshopState({ timer: 'soon' })).toEqual(DEFAULT_WORKSHOP_STATE);
    expect(readWorkshopState(null)).toEqual(DEFAULT_WORKSHOP_STATE);
  });
});
