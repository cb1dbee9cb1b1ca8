import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';

const open = testDatabases();
const [CURRENT, FUTURE, SECOND, OTHER] = ['board0000001', 'board0000002', 'board0000003', 'board0000004'];

describe.each(DATABASES)('FutureStateRepository on %s', (name) => {
  it('links a future board to its current one, finds the pair from either, keeps the first of two, across a restart', async () => {
    const opened = await open(name);
    const { store } = opened;
    for (const id of [CURRENT, FUTURE, SECOND, OTHER])
      await store.boards.createBoard({ id, title: id, createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    const link = { futureBoardId: FUTURE, currentBoardId: CURRENT, createdAt: 5 };
    expect(await store.futureStates.link(link)).toBe(true);
    // A second future of the same board (two people at once) is not linked.
    expect(await store.futureStates.link({ futureBoardId: SECOND, currentBoardId: CURRENT, createdAt: 6 })).toBe(false);
    expect(await store.futureStates.linkOf(CURRENT)).toEqual(link);
    expect(await store.futureStates.linkOf(FUTURE)).toEqual(link);
    expect(await store.futureStates.linkOf(SECOND)).toBeNull();
    expect(await store.futureStates.linkOf(OTHER)).toBeNull();
    expect(await (await opened.reopen()).futureStates.linkOf(FUTURE)).toEqual(link);
  });
});
