import { describe, expect, it } from 'vitest';
import { readBoard } from '../index.ts';
import { createTestModel, TEST_ACTOR } from '../testing/board.ts';
import { isLeftEmpty } from './commands/noteCommands.ts';

describe('a note its author leaves empty goes away', () => {
  it('blank means no text or only whitespace, and only the author’s own note counts', () => {
    expect(isLeftEmpty({ text: '', authorId: 'me' }, 'me')).toBe(true);
    expect(isLeftEmpty({ text: ' \n\t ', authorId: 'me' }, 'me')).toBe(true);
    expect(isLeftEmpty({ text: ' x ', authorId: 'me' }, 'me')).toBe(false);
    expect(isLeftEmpty({ text: '', authorId: 'someone-else' }, 'me')).toBe(false);
  });

  it('adding a note and leaving it empty removes it, and undo does not bring it back', () => {
    const { doc, model, cell } = createTestModel();
    const kept = model.run('addNote', { ...cell, text: 'Kept' });
    model.endStep();
    const stray = model.run('addNote', cell);
    model.run('editNoteText', { noteId: stray, text: '  ' });
    expect(model.run('discardEmptyNote', { noteId: stray })).toBe(true);
    model.endStep();
    expect(readBoard(doc).notesById.has(stray)).toBe(false);
    // The add and its removal were one step, dropped as it does nothing: undo undoes the note before.
    expect(model.history.getState().canUndo).toBe(true);
    expect(model.undo()).toBe(true);
    expect(readBoard(doc).notesById.has(stray)).toBe(false);
    expect(readBoard(doc).notesById.has(kept)).toBe(false);
  });

  it('a blank note added to an empty history leaves nothing to undo', () => {
    const { model, cell } = createTestModel();
    const stray = model.run('addNote', cell);
    model.run('discardEmptyNote', { noteId: stray });
    model.endStep();
    expect(model.history.getState().canUndo).toBe(false);
  });

  it('an older blank note of mine, reopened and left, comes back on undo (it was not this step’s)', () => {
    const { doc, model, cell } = createTestModel();
    const old = model.run('addNote', cell);
    model.endStep();
    model.run('discardEmptyNote', { noteId: old });
    model.endStep();
    expect(model.undo()).toBe(true);
    expect(readBoard(doc).notesById.has(old)).toBe(true);
  });

  it('keeps a note with text, and a blank note someone else wrote', () => {
    const { doc, model, cell } = createTestModel();
    const written = model.run('addNote', { ...cell, text: 'Slow checkout' });
    expect(model.run('discardEmptyNote', { noteId: written })).toBe(false);
    const theirs = model.run('addNote', cell);
    model.actor = { ...TEST_ACTOR, id: 'user-bob', name: 'Bob' };
    expect(model.run('discardEmptyNote', { noteId: theirs })).toBe(false);
    expect(
      readBoard(doc)
        .notes.map((n) => n.id)
        .sort(),
    ).toEqual([written, theirs].sort());
  });

  it('a note deleted meanwhile (by a colleague) is not an error', () => {
    const { model, cell } = createTestModel();
    const id = model.run('addNote', cell);
    model.run('deleteNotes', { noteIds: [id] });
    expect(model.run('discardEmptyNote', { noteId: id })).toBe(false);
  });
});
