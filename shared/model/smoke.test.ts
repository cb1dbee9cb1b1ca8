import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, findTemplate, initializeBoard, readBoard } from '../index.ts';

describe('smoke', () => {
  it('creates a board and adds a note', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'b1', title: 'T', template: findTemplate('ecommerce')! });
    const model = new BoardModel(doc, { id: 'u1', name: 'Ann', department: 'sales' });
    const b = readBoard(doc);
    const id = model.run('addNote', { stageId: b.stages[0]!.id, laneId: b.lanes[0]!.id, text: 'hello' });
    expect(readBoard(doc).notesById.get(id)?.text).toBe('hello');
    expect(model.source.getSnapshot().notes.length).toBe(b.notes.length + 1);
    model.undo();
    expect(readBoard(doc).notesById.has(id)).toBe(false);
  });
});
