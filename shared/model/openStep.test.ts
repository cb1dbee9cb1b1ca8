import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readBoard } from '../index.ts';
import { createTestModel } from '../testing/board.ts';

describe('adding a note and writing it is one undo step', () => {
  it('typing right after addNote joins its step, even after a pause longer than the capture timeout', () => {
    const { doc, model, cell } = createTestModel();
    const id = model.run('addNote', cell);
    // The person thought for five seconds before typing. Y.UndoManager reads lib0's reference to
    // the original Date.now, so patching Date.now cannot simulate that; move its lastChange back.
    (model.history as unknown as { manager: Y.UndoManager }).manager.lastChange -= 5_000;
    model.run('editNoteText', { noteId: id, text: 'Hello' });
    model.undo();
    expect(readBoard(doc).notesById.has(id)).toBe(false);
  });

  it('once the editor closes, later edits are their own steps', () => {
    const { doc, model, cell } = createTestModel();
    const id = model.run('addNote', cell);
    model.run('editNoteText', { noteId: id, text: 'Hello' });
    model.endStep();
    model.run('editNoteText', { noteId: id, text: 'Hello world' });
    model.undo();
    expect(readBoard(doc).notesById.get(id)?.text).toBe('Hello');
    model.undo();
    expect(readBoard(doc).notesById.has(id)).toBe(false);
  });

  it('another command closes the step', () => {
    const { doc, model, cell } = createTestModel();
    const id = model.run('addNote', cell);
    model.run('updateNotes', { noteIds: [id], patch: { department: 'support' } });
    model.run('editNoteText', { noteId: id, text: 'Later' });
    model.undo();
    expect(readBoard(doc).notesById.get(id)?.text).toBe('');
    expect(readBoard(doc).notesById.get(id)?.department).toBe('support');
  });
});
