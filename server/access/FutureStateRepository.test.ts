import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';

const open = testDatabases();
const [CURRENT, FUTURE, SECOND, OTHER] = ['board0000001', 'board0000002', 'board0000003', 'board0000004'];

describe.each(DATABASES)('FutureStateRepository on %s', (name) => {
  it('links a future board to its current one, finds the pair from either, keeps the first of two and stores no second board, across a restart', async () => {
    const opened = await open(name);
    const { store } = opened;
    for (const id of [CURRENT, OTHER])
      await store.boards.createBoard({ id, title: id, createdAt: 1, snapshot: new Uint8Array([0, 0]) });
    const board = (id: string, createdAt: number) => ({ id, title: id, createdAt, snapshot: new Uint8Array([0, 0]) });
    const link = { futureBoardId: FUTURE, currentBoardId: CURRENT, createdAt: 5 };
    expect(await store.futureStates.make(CURRENT, board(FUTURE, 5))).toEqual({ made: true, link });
    // A second future of the same board (two people at once): the first one, and no second board.
    expect(await store.futureStates.make(CURRENT, board(SECOND, 6))).toEqual({ made: false, link });
    expect(await store.boards.getBoardInfo(SECOND)).toBeNull();
    expect(await store.futureStates.linkOf(CURRENT)).toEqual(link);
    expect(await store.futureStates.linkOf(FUTURE)).toEqual(link);
    expect(await store.futureStates.linkOf(SECOND)).toBeNull();
    expect(await store.futureStates.linkOf(OTHER)).toBeNull();
    expect(await (await opened.reopen()).futureStates.linkOf(FUTURE)).toEqual(link);
  });
});
