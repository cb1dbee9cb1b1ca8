import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, findTemplate, initializeBoard, readBoard } from '../index.ts';

describe('BoardModel reads the board from its live snapshot', () => {
  function setup() {
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('blank')! });
    const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
    const b = readBoard(doc);
    return { doc, model, cell: { stageId: b.stages[0]!.id, laneId: b.lanes[0]!.id } };
  }

  it('successive commands see each other’s notes (the snapshot is current between transactions)', () => {
    const { doc, model, cell } = setup();
    const ids = [0, 1, 2].map((i) => model.run('addNote', { ...cell, text: String(i) }));
    expect(readBoard(doc).notes.map((n) => n.id)).toEqual(ids);
  });

  it('commands nested in an outer transaction read the document itself, not a stale snapshot', () => {
    const { doc, model, cell } = setup();
    let ids: string[] = [];
    doc.transact(() => {
      ids = [0, 1, 2].map((i) => model.run('addNote', { ...cell, text: String(i) }));
    });
    const notes = readBoard(doc).notes;
    expect(notes.map((n) => n.id)).toEqual(ids);
    expect(new Set(notes.map((n) => n.position.index)).size).toBe(3);
  });
});
