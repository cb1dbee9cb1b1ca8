import { describe, expect, it } from 'vitest';
import { readBoard } from '../index.ts';
import { createTestModel } from '../testing/board.ts';

describe('BoardModel reads the board from its live snapshot', () => {
  it('successive commands see each other’s notes (the snapshot is current between transactions)', () => {
    const { doc, model, cell } = createTestModel();
    const ids = [0, 1, 2].map((i) => model.run('addNote', { ...cell, text: String(i) }));
    expect(readBoard(doc).notes.map((n) => n.id)).toEqual(ids);
  });

  it('commands nested in an outer transaction read the document itself, not a stale snapshot', () => {
    const { doc, model, cell } = createTestModel();
    let ids: string[] = [];
    doc.transact(() => {
      ids = [0, 1, 2].map((i) => model.run('addNote', { ...cell, text: String(i) }));
    });
    const notes = readBoard(doc).notes;
    expect(notes.map((n) => n.id)).toEqual(ids);
    expect(new Set(notes.map((n) => n.position.index)).size).toBe(3);
  });
});
