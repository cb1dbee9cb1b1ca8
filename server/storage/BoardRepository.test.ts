import { backupNow } from '../testing/backupRoundTrip.ts';
import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import type { StoredCheckpoint } from './CheckpointRepository.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

const open = testDatabases();

/** Boards, their update log, share links and revisions, and checkpoints (CheckpointRepository), on both databases. */
describe.each(DATABASES)('BoardRepository on %s', (name) => {
  const fresh = () => open(name);

  const board = (id = 'board0000001', title = 'Checkout', createdAt = 1000) => ({
    id,
    title,
    createdAt,
    snapshot: bytes(1, 2, 3),
  });
  const checkpoint = (over: Partial<StoredCheckpoint> = {}): StoredCheckpoint => ({
    id: 'cp-1',
    boardId: 'board0000001',
    kind: 'named',
    label: 'After the sales workshop',
    createdBy: { id: 'ann', name: 'Ann' },
    createdAt: 5000,
    noteCount: 3,
    state: bytes(7, 7, 7),
    ...over,
  });

  it('stores a board and reads it back, with no log yet', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    expect(await store.boards.getBoardInfo('board0000001')).toEqual({
      id: 'board0000001',
      title: 'Checkout',
      createdAt: 1000,
      updatedAt: 1000,
    });
    const stored = await store.boards.loadBoard('board0000001');
    expect(stored?.snapshot).toEqual(bytes(1, 2, 3));
    expect(stored?.updates).toEqual([]);
    expect(await store.boards.getBoardInfo('nope00000000')).toBeNull();
    expect(await store.boards.loadBoard('nope00000000')).toBeNull();
  });

  it('refuses a second board with the same id', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    await expect(store.boards.createBoard(board())).rejects.toThrow();
  });

  it('appends updates in seq order and reports the last one as updatedAt', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    const first = await store.boards.appendUpdate('board0000001', bytes(10), 2000);
    const second = await store.boards.appendUpdate('board0000001', bytes(11), 3000);
    expect(second).toBeGreaterThan(first);
    const stored = await store.boards.loadBoard('board0000001');
    expect(stored?.updates).toEqual([
      { seq: first, update: bytes(10) },
      { seq: second, update: bytes(11) },
    ]);
    expect(stored?.updatedAt).toBe(3000);
  });

  it('an append for an unknown board fails (no orphan rows)', async () => {
    const { store } = await fresh();
    await expect(store.boards.appendUpdate('missing00000', bytes(1), 1)).rejects.toThrow();
  });

  it('compaction replaces the snapshot and deletes only the log rows it covers', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board('board0000001', 'Old'));
    const covered = await store.boards.appendUpdate('board0000001', bytes(10), 2000);
    const later = await store.boards.appendUpdate('board0000001', bytes(11), 3000);
    await store.boards.compact('board0000001', { snapshot: bytes(9, 9), title: 'New', upToSeq: covered, at: 2500 });
    const stored = await store.boards.loadBoard('board0000001');
    expect(stored?.snapshot).toEqual(bytes(9, 9));
    expect(stored?.title).toBe('New');
    expect(stored?.updates).toEqual([{ seq: later, update: bytes(11) }]);
    await expect(
      store.boards.compact('missing00000', { snapshot: bytes(1), title: 'x', upToSeq: 0, at: 1 }),
    ).rejects.toThrow(/not stored/);
  });

  it('storedVersion moves with every append and compaction, of the board and of its comments, and is null for no board', async () => {
    const { store } = await fresh();
    expect(await store.boards.storedVersion('board0000001')).toBeNull();
    expect(await store.documents.storedVersion('board0000001', 'comments')).toBeNull();
    await store.boards.createBoard(board());
    const seen = new Set<string | null>();
    const boardVersion = async () => {
      const version = await store.boards.storedVersion('board0000001');
      // Reading twice with nothing written in between gives the same version.
      expect(await store.boards.storedVersion('board0000001')).toBe(version);
      return version;
    };
    const comments = () => store.documents.storedVersion('board0000001', 'comments');
    const commentsAtStart = await comments();
    seen.add(await boardVersion());
    const covered = await store.boards.appendUpdate('board0000001', bytes(10), 2000);
    seen.add(await boardVersion());
    await store.boards.appendUpdate('board0000001', bytes(11), 3000);
    seen.add(await boardVersion());
    // The log shrinks back to one row: only the revision tells this apart from after the first append.
    await store.boards.compact('board0000001', { snapshot: bytes(9), title: 'Checkout', upToSeq: covered, at: 3500 });
    seen.add(await boardVersion());
    expect(seen.size).toBe(4);
    expect(seen.has(null)).toBe(false);
    // The board's changes are not its comments' (their own log and revision).
    expect(await comments()).toBe(commentsAtStart);
    await store.documents.appendBoardDocumentUpdate('board0000001', 'comments', bytes(20), 4000);
    const afterComment = await comments();
    expect(afterComment).not.toBe(commentsAtStart);
    await store.documents.compactBoardDocument('board0000001', 'comments', {
      snapshot: bytes(8),
      upToSeq: 0,
      at: 5000,
    });
    expect(await comments()).not.toBe(afterComment);
    expect(await boardVersion()).toBe([...seen].at(-1));
  });

  it('keeps everything across a reopen', async () => {
    const { store, reopen } = await fresh();
    await store.boards.createBoard(board());
    const seq = await store.boards.appendUpdate('board0000001', bytes(6), 2);
    await store.checkpoints.addCheckpoint(checkpoint());
    const again = await reopen();
    expect((await again.boards.loadBoard('board0000001'))?.updates).toEqual([{ seq, update: bytes(6) }]);
    expect((await again.checkpoints.getCheckpoint('board0000001', 'cp-1'))?.state).toEqual(bytes(7, 7, 7));
  });

  it('checkpoints: add, list newest first without state, get with state, delete', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    await store.checkpoints.addCheckpoint(checkpoint());
    await store.checkpoints.addCheckpoint(
      checkpoint({
        id: 'cp-2',
        kind: 'activity',
        label: 'Automatic',
        createdBy: null,
        createdAt: 6000,
        noteCount: 4,
      }),
    );
    const list = await store.checkpoints.listCheckpoints('board0000001');
    expect(list.map((c) => c.id)).toEqual(['cp-2', 'cp-1']);
    const { state: _, ...info } = checkpoint();
    expect(list[1]).toEqual(info); // every field but the state, as written
    expect(list[0]?.createdBy).toBeNull();
    expect(await store.checkpoints.getCheckpoint('board0000001', 'cp-1')).toEqual({
      ...list[1],
      state: bytes(7, 7, 7),
    });
    expect(await store.checkpoints.getCheckpoint('board0000001', 'nope')).toBeNull();
    expect(await store.checkpoints.getCheckpoint('other0000000', 'cp-1')).toBeNull();
    await store.checkpoints.deleteCheckpoints('board0000001', ['cp-1']);
    expect((await store.checkpoints.listCheckpoints('board0000001')).map((c) => c.id)).toEqual(['cp-2']);
    await expect(
      store.checkpoints.addCheckpoint(checkpoint({ boardId: 'missing00000', id: 'cp-9' })),
    ).rejects.toThrow();
  });

  it('a backup carries the board, its log and its checkpoints; restoring it replaces them', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    await store.boards.appendUpdate('board0000001', bytes(10), 2000);
    await store.checkpoints.addCheckpoint(checkpoint());
    expect(await store.boards.exportBoard('board0000001')).toMatchObject({
      board: { id: 'board0000001', title: 'Checkout', snapshot: bytes(1, 2, 3) },
      updates: [{ at: 2000, update: bytes(10) }],
    });
    expect(await store.boards.exportBoard('missing00000')).toBeNull();
    const backedUp = await backupNow(store);

    await store.boards.appendUpdate('board0000001', bytes(11), 3000); // after the backup: gone after restore
    await store.checkpoints.deleteCheckpoints('board0000001', ['cp-1']);
    await backedUp.restore();
    const back = await store.boards.loadBoard('board0000001');
    expect(back?.updates.map((u) => u.update)).toEqual([bytes(10)]);
    expect((await store.checkpoints.listCheckpoints('board0000001')).map((c) => c.id)).toEqual(['cp-1']);
  });

  it('share links: save, replace, load', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    const row = { role: 'editor' as const, generation: 1, tokenHash: bytes(1, 1), sealed: bytes(2, 2) };
    await store.boards.saveShareLinks('board0000001', [row]);
    await store.boards.saveShareLinks('board0000001', [{ ...row, generation: 2 }]);
    expect(await store.boards.loadShareLinks('board0000001')).toEqual([{ ...row, generation: 2 }]);
    expect(await store.boards.loadShareLinks('missing00000')).toEqual([]);
  });

  it('listBoards: most recently updated first', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board('board0000001', 'A', 1000));
    await store.boards.createBoard(board('board0000002', 'B', 2000));
    await store.boards.appendUpdate('board0000001', bytes(1), 3000);
    expect((await store.boards.listBoards()).map((b) => [b.id, b.updatedAt])).toEqual([
      ['board0000001', 3000],
      ['board0000002', 2000],
    ]);
  });

  // ---- snapshot revisions (SnapshotRevisions.ts: several server instances) ----

  it('compactIfCurrent writes only at the expected revision and deletes exactly the rows it names', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    expect(await store.boards.snapshotRevision('board0000001')).toBe(0);
    const mine = await store.boards.appendUpdate('board0000001', bytes(10), 2000);
    const theirs = await store.boards.appendUpdate('board0000001', bytes(11), 2100); // another instance's row
    const mineToo = await store.boards.appendUpdate('board0000001', bytes(12), 2200);
    const rev = await store.boards.compactIfCurrent('board0000001', {
      snapshot: bytes(9),
      title: 'A',
      at: 2300,
      expectedRevision: 0,
      seqs: [mine, mineToo],
    });
    expect(rev).toBe(1);
    expect(await store.boards.snapshotRevision('board0000001')).toBe(1);
    let stored = await store.boards.loadBoard('board0000001');
    expect(stored?.snapshot).toEqual(bytes(9));
    expect(stored?.updates).toEqual([{ seq: theirs, update: bytes(11) }]);

    // A second writer that still believes revision 0 writes nothing.
    expect(
      await store.boards.compactIfCurrent('board0000001', {
        snapshot: bytes(8),
        title: 'B',
        at: 2400,
        expectedRevision: 0,
        seqs: [theirs],
      }),
    ).toBeNull();
    stored = await store.boards.loadBoard('board0000001');
    expect(stored?.snapshot).toEqual(bytes(9));
    expect(stored?.title).toBe('A');
    expect(stored?.updates.map((u) => u.seq)).toEqual([theirs]);

    // Once it has caught up, it can.
    expect(
      await store.boards.compactIfCurrent('board0000001', {
        snapshot: bytes(9, 8),
        title: 'B',
        at: 2500,
        expectedRevision: 1,
        seqs: [theirs],
      }),
    ).toBe(2);
    expect((await store.boards.loadBoard('board0000001'))?.updates).toEqual([]);
    await expect(
      store.boards.compactIfCurrent('missing00000', {
        snapshot: bytes(1),
        title: 'x',
        at: 1,
        expectedRevision: 0,
        seqs: [],
      }),
    ).rejects.toThrow(/not stored/);
  });

  it('compactIfCurrent: of two writers at the same revision exactly one wins', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        store.boards.compactIfCurrent('board0000001', {
          snapshot: bytes(n),
          title: `T${n}`,
          at: 3000,
          expectedRevision: 0,
          seqs: [],
        }),
      ),
    );
    expect(results.filter((r) => r === 1)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(3);
    const winner = results.indexOf(1) + 1;
    expect((await store.boards.loadBoard('board0000001'))?.snapshot).toEqual(bytes(winner));
  });

  it('a plain compact also moves the revision on (so a live instance cannot overwrite it)', async () => {
    const { store } = await fresh();
    await store.boards.createBoard(board());
    await store.boards.compact('board0000001', { snapshot: bytes(5), title: 'R', upToSeq: 0, at: 3000 });
    expect(await store.boards.snapshotRevision('board0000001')).toBe(1);
    expect(
      await store.boards.compactIfCurrent('board0000001', {
        snapshot: bytes(6),
        title: 'X',
        at: 3100,
        expectedRevision: 0,
        seqs: [],
      }),
    ).toBeNull();
  });
});
