import { afterEach, describe, expect, it } from 'vitest';
import type { BoardStore } from './BoardStore.ts';
import type { StoreUnderTest } from './boardStoreContract.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

/**
 * The BoardDocumentStore half of the contract (a board's comments document), run against every
 * implementation next to describeBoardStoreContract.
 */
export function describeBoardDocumentContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`BoardDocumentStore contract: ${name}`, () => {
    const opened: BoardStore[] = [];
    const fresh = async () => {
      const s = await open();
      opened.push(s.store);
      return {
        store: s.store,
        reopen: async () => {
          const again = await s.reopen();
          opened.push(again);
          return again;
        },
      };
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const board = (id = 'board0000001', createdAt = 1000) => ({
      id,
      title: 'Checkout',
      createdAt,
      snapshot: bytes(1, 2, 3),
    });

    it('a board with no comments yet has an empty document; an unknown board has none', async () => {
      const { store } = await fresh();
      await store.createBoard(board());
      expect(await store.loadBoardDocument('board0000001', 'comments')).toEqual({ snapshot: null, updates: [] });
      expect(await store.loadBoardDocument('missing00000', 'comments')).toBeNull();
      await expect(store.appendBoardDocumentUpdate('missing00000', 'comments', bytes(1), 1)).rejects.toThrow();
    });

    it('appends in seq order apart from the board log; compaction writes the snapshot and deletes only covered rows', async () => {
      const { store, reopen } = await fresh();
      await store.createBoard(board());
      const boardSeq = await store.appendUpdate('board0000001', bytes(50), 1500);
      const first = await store.appendBoardDocumentUpdate('board0000001', 'comments', bytes(10), 2000);
      const second = await store.appendBoardDocumentUpdate('board0000001', 'comments', bytes(11), 3000);
      expect(second).toBeGreaterThan(first);
      expect((await store.loadBoardDocument('board0000001', 'comments'))?.updates).toEqual([
        { seq: first, update: bytes(10) },
        { seq: second, update: bytes(11) },
      ]);
      // The board's own log is untouched by the comments document, and vice versa.
      expect((await store.loadBoard('board0000001'))?.updates).toEqual([{ seq: boardSeq, update: bytes(50) }]);

      await store.compactBoardDocument('board0000001', 'comments', { snapshot: bytes(9), upToSeq: first, at: 2500 });
      await store.compactBoardDocument('board0000001', 'comments', { snapshot: bytes(9, 9), upToSeq: first, at: 2600 });
      const again = await reopen();
      expect(await again.loadBoardDocument('board0000001', 'comments')).toEqual({
        snapshot: bytes(9, 9),
        updates: [{ seq: second, update: bytes(11) }],
      });
      expect((await again.loadBoard('board0000001'))?.snapshot).toEqual(bytes(1, 2, 3));
    });

    it('listings know only boards; export and import carry the comments document', async () => {
      const { store } = await fresh();
      await store.createBoard(board('board0000001', 1000));
      await store.createBoard(board('board0000002', 2000));
      await store.appendBoardDocumentUpdate('board0000001', 'comments', bytes(10), 9000);
      await store.compactBoardDocument('board0000001', 'comments', { snapshot: bytes(8), upToSeq: 0, at: 9500 });
      expect((await store.listBoards()).map((b) => b.id)).toEqual(['board0000002', 'board0000001']);

      const dump = await store.exportBoard('board0000001');
      expect(dump?.documents).toEqual([
        { kind: 'comments', snapshot: bytes(8), updatedAt: 9500, updates: [{ at: 9000, update: bytes(10) }] },
      ]);
      await store.appendBoardDocumentUpdate('board0000001', 'comments', bytes(12), 9900); // after the backup
      await store.importBoard(dump!);
      const back = await store.loadBoardDocument('board0000001', 'comments');
      expect(back?.snapshot).toEqual(bytes(8));
      expect(back?.updates.map((u) => u.update)).toEqual([bytes(10)]);
      // A dump from before comments existed restores a board without any.
      await store.importBoard({ ...dump!, documents: undefined });
      expect(await store.loadBoardDocument('board0000001', 'comments')).toEqual({ snapshot: null, updates: [] });
    });
  });
}
