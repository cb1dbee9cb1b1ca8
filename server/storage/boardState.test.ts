import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, findTemplate, readBoard, SCHEMA_VERSION } from '../../shared/index.ts';
import { CorruptBoardError, type StoredBoard } from './BoardStore.ts';
import { decodeBoard, logGap, newBoardRow } from './boardState.ts';

const actor = { id: 'u1', name: 'Ann', department: 'sales' } as const;

function storedBoard(overrides: Partial<StoredBoard> = {}): StoredBoard {
  const row = newBoardRow({
    boardId: 'board0000001',
    title: 'Checkout',
    template: findTemplate('ecommerce')!,
    now: 1000,
  });
  return { ...row, updatedAt: row.createdAt, updates: [], ...overrides };
}

describe('board state', () => {
  it('a new board row holds the template, written by the shared model', () => {
    const doc = decodeBoard(storedBoard());
    const board = readBoard(doc);
    const template = findTemplate('ecommerce')!;
    expect(board.meta).toMatchObject({
      boardId: 'board0000001',
      title: 'Checkout',
      createdAt: 1000,
      schemaVersion: SCHEMA_VERSION,
    });
    expect(board.stages.map((s) => s.name)).toEqual(template.stages);
    expect(board.notes).toHaveLength(template.notes.length);
  });

  /** The updates of renaming the stored board twice, to 'First' then 'Second', and the renaming client. */
  const twoRenames = (base: StoredBoard): { client: number; updates: Uint8Array[] } => {
    const doc = decodeBoard(base);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    executeCommand(doc, actor, 'renameBoard', { title: 'First' });
    executeCommand(doc, actor, 'renameBoard', { title: 'Second' });
    return { client: doc.clientID, updates };
  };

  it('applies the snapshot, then the log in order', () => {
    const base = storedBoard();
    const { updates } = twoRenames(base);
    const again = decodeBoard({ ...base, updates: updates.map((update, i) => ({ seq: i + 1, update })) });
    expect(readBoard(again).meta.title).toBe('Second');
  });

  it('refuses bytes that do not decode', () => {
    expect(() => decodeBoard(storedBoard({ snapshot: new Uint8Array([0xff, 0xff, 0xff]) }))).toThrow(CorruptBoardError);
    expect(() =>
      decodeBoard(storedBoard({ updates: [{ seq: 7, update: new TextEncoder().encode('not yjs') }] })),
    ).toThrow(/logged update 7/);
  });

  it('never passes an empty document off as the board', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(() => decodeBoard(storedBoard({ snapshot: empty }))).toThrow(/holds no board/);
  });

  it('keeps a log whose updates depend on missing changes: what it can show, the rest pending, the gap reported', () => {
    const base = storedBoard();
    const { client, updates } = twoRenames(base);
    // Only the second update: it builds on the first, which is gone.
    const gapped = decodeBoard({ ...base, updates: [{ seq: 2, update: updates[1]! }] });
    expect(readBoard(gapped).meta.title).toBe('Checkout');
    expect(logGap(gapped)?.missing).toEqual([[client, expect.any(Number)]]);
    Y.applyUpdate(gapped, updates[0]!); // a client that has the first change syncs it
    expect(logGap(gapped)).toBeNull();
    expect(readBoard(gapped).meta.title).toBe('Second');
  });
});
