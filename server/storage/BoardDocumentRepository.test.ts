import { backupNow } from '../testing/backupRoundTrip.ts';
import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

const open = testDatabases();

describe.each(DATABASES)('BoardDocumentRepository on %s', (name) => {
  const fresh = () => open(name);
  const board = (id = 'board0000001', createdAt = 1000) => ({
    id,
    title: 'Checkout',
    createdAt,
    snapshot: bytes(1, 2, 3),
  });

  it('a board with no comments yet has an empty document; an unknown board has none', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    expect(await store.documents.loadBoardDocument('board0000001', 'comments')).toEqual({
      snapshot: null,
      updates: [],
    });
    expect(await store.documents.loadBoardDocument('missing00000', 'comments')).toBeNull();
    await expect(store.documents.appendBoardDocumentUpdate('missing00000', 'comments', bytes(1), 1)).rejects.toThrow();
  });

  it('appends in seq order apart from the board log; compaction writes the snapshot and deletes only covered rows', async () => {
    const { store, reopen } = await fresh();
    await store.boards.createBoard(board());
    const boardSeq = await store.boards.appendUpdate('board0000001', bytes(50), 1500);
    const first = await store.documents.appendBoardDocumentUpdate('board0000001', 'comments', bytes(10), 2000);
    const second = await store.documents.appendBoardDocumentUpdate('board0000001', 'comments', bytes(11), 3000);
    expect(second).toBeGreaterThan(first);
    expect((await store.documents.loadBoardDocument('board0000001', 'comments'))?.updates).toEqual([
      { seq: first, update: bytes(10) },
      { seq: second, update: bytes(11) },
    ]);
    // The board's own log is untouched by the comments document, and vice versa.
    expect((await store.boards.loadBoard('board0000001'))?.updates).toEqual([{ seq: boardSeq, update: bytes(50) }]);

    await store.documents.compactBoardDocument('board0000001', 'comments', {
      snapshot: bytes(9),
      upToSeq: first,
      at: 2500,
    });
    await store.documents.compactBoardDocument('board0000001', 'comments', {
      snapshot: bytes(9, 9),
      upToSeq: first,
      at: 2600,
    });
    const again = await reopen();
    expect(await again.documents.loadBoardDocument('board0000001', 'comments')).toEqual({
      snapshot: bytes(9, 9),
      updates: [{ seq: second, update: bytes(11) }],
    });
    expect((await again.boards.loadBoard('board0000001'))?.snapshot).toEqual(bytes(1, 2, 3));
  });

  it('listings know only boards; a backup carries the comments document', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board('board0000001', 1000));
    await store.boards.createBoard(board('board0000002', 2000));
    await store.documents.appendBoardDocumentUpdate('board0000001', 'comments', bytes(10), 9000);
    await store.documents.compactBoardDocument('board0000001', 'comments', {
      snapshot: bytes(8),
      upToSeq: 0,
      at: 9500,
    });
    expect((await store.boards.listBoards()).map((b) => b.id)).toEqual(['board0000002', 'board0000001']);

    const backedUp = await backupNow(store);
    await store.documents.appendBoardDocumentUpdate('board0000001', 'comments', bytes(12), 9900); // after the backup
    await backedUp.restore();
    const back = await store.documents.loadBoardDocument('board0000001', 'comments');
    expect(back?.snapshot).toEqual(bytes(8));
    expect(back?.updates.map((u) => u.update)).toEqual([bytes(10)]);
  });
});
