import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getRecord } from '../../doc/boardDoc.ts';
import type { LaneId, NoteId, StageId } from '../../schema/ids.ts';
import { createTestBoard, joinTestBoard, type TestBoard } from '../../testing/board.ts';
import { pasteCellFor, type ClipboardNote } from './index.ts';

/** Blank board with notes "A".."D" in Awareness × Touchpoints, in that order. */
function boardWithNotes(texts = ['A', 'B', 'C', 'D']): { t: TestBoard; ids: NoteId[] } {
  const t = createTestBoard();
  const cell = { stageId: t.stage('Awareness').id, laneId: t.lane('Touchpoints').id };
  const ids = texts.map((text) => t.run('addNote', { ...cell, text }));
  return { t, ids };
}

describe('addNote', () => {
  it('appends to the end of the cell, authored by the actor', () => {
    const { t, ids } = boardWithNotes();
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['A', 'B', 'C', 'D']);
    const note = t.note(ids[0]!);
    expect(note).toMatchObject({ authorId: 'user-ann', authorName: 'Ann', colour: null, sentiment: null });
    expect(note.createdAt).toBe(note.updatedAt);
    expect(note.createdAt).toBeGreaterThan(0);
  });

  it('takes a chosen id (the private-writing reveal names its notes first) and refuses one that exists', () => {
    const t = createTestBoard();
    const cell = { stageId: t.stage('Awareness').id, laneId: t.lane('Touchpoints').id };
    expect(t.run('addNote', { ...cell, text: 'named', id: 'note:chosen00001' })).toBe('note:chosen00001');
    expect(t.note('note:chosen00001').text).toBe('named');
    expect(() => t.run('addNote', { ...cell, text: 'again', id: 'note:chosen00001' })).toThrow(/exists already/);
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['named']);
  });

  it('the record key is the typed id; the record stores no typeName, id or null colour and sentiment (schema 6)', () => {
    const { t, ids } = boardWithNotes(['x']);
    expect(ids[0]).toMatch(/^note:[0-9a-z]{16}$/);
    const rec = getRecord(t.doc, ids[0]!)!;
    expect([...rec.keys()].sort()).toEqual([
      'authorId',
      'authorName',
      'createdAt',
      'department',
      'kind',
      'position',
      'text',
      'updatedAt',
    ]);
    expect(t.note(ids[0]!)).toMatchObject({ typeName: 'note', id: ids[0], colour: null, sentiment: null });
  });

  it('setting colour or sentiment to null deletes the key; a value writes it (absent reads as null)', () => {
    const { t, ids } = boardWithNotes(['x']);
    const rec = getRecord(t.doc, ids[0]!)!;
    t.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: '#112233', sentiment: 2 } });
    expect([rec.get('colour'), rec.get('sentiment')]).toEqual(['#112233', 2]);
    t.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: null, sentiment: null } });
    expect([rec.has('colour'), rec.has('sentiment')]).toEqual([false, false]);
    expect(t.note(ids[0]!)).toMatchObject({ colour: null, sentiment: null });
  });

  it('inserts at a given position', () => {
    const { t } = boardWithNotes();
    t.run('addNote', { stageId: t.stage('Awareness').id, laneId: t.lane('Touchpoints').id, text: 'new', position: 1 });
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['A', 'new', 'B', 'C', 'D']);
  });

  it('kind defaults to the lane kind and department to the author’s department', () => {
    const t = createTestBoard();
    const id = t.run('addNote', { stageId: t.stage('Decision').id, laneId: t.lane('Pain points').id });
    expect(t.note(id)).toMatchObject({ kind: 'pain', department: 'sales', text: '', sentiment: null });
  });

  it('an emotion note starts neutral (sentiment 0); other kinds have no sentiment', () => {
    const t = createTestBoard();
    const emotion = t.run('addNote', { stageId: t.stage('Decision').id, laneId: t.lane('Emotions').id });
    const explicit = t.run('addNote', {
      stageId: t.stage('Decision').id,
      laneId: t.lane('Thoughts').id,
      kind: 'emotion',
    });
    const thought = t.run('addNote', { stageId: t.stage('Decision').id, laneId: t.lane('Thoughts').id });
    expect(t.note(emotion)).toMatchObject({ kind: 'emotion', sentiment: 0 });
    expect(t.note(explicit)).toMatchObject({ kind: 'emotion', sentiment: 0 });
    expect(t.note(thought)).toMatchObject({ kind: 'thought', sentiment: null });
  });

  it('explicit fields win over the defaults', () => {
    const t = createTestBoard();
    const id = t.run('addNote', {
      stageId: t.stage('Decision').id,
      laneId: t.lane('Emotions').id,
      kind: 'emotion',
      sentiment: -2,
      department: 'support',
      colour: '#112233',
      text: 'Angry',
    });
    expect(t.note(id)).toMatchObject({
      kind: 'emotion',
      sentiment: -2,
      department: 'support',
      colour: '#112233',
      text: 'Angry',
    });
  });

  it('note text is a Y.Text so people can type in one note together', () => {
    const { t, ids } = boardWithNotes(['hello']);
    expect(getRecord(t.doc, ids[0]!)?.get('text')).toBeInstanceOf(Y.Text);
  });
});

describe('editNoteText', () => {
  it('replaces the text and stamps updatedAt', () => {
    const { t, ids } = boardWithNotes(['hello']);
    t.run('editNoteText', { noteId: ids[0]!, text: 'hello world' });
    expect(t.note(ids[0]!).text).toBe('hello world');
  });

  it('edits the existing Y.Text in place rather than replacing it', () => {
    const { t, ids } = boardWithNotes(['hello']);
    const before = getRecord(t.doc, ids[0]!)?.get('text');
    t.run('editNoteText', { noteId: ids[0]!, text: 'hello there' });
    expect(getRecord(t.doc, ids[0]!)?.get('text')).toBe(before);
  });

  it('repairs a note whose text field is not a Y.Text (e.g. written by another client)', () => {
    const { t, ids } = boardWithNotes(['hello']);
    getRecord(t.doc, ids[0]!)!.set('text', 'plain string');
    t.run('editNoteText', { noteId: ids[0]!, text: 'typed' });
    expect(getRecord(t.doc, ids[0]!)?.get('text')).toBeInstanceOf(Y.Text);
    expect(t.note(ids[0]!).text).toBe('typed');
  });
});

describe('moveNotes', () => {
  it('moves several notes, keeping their relative order, to the given position', () => {
    const { t, ids } = boardWithNotes();
    const target = { stageId: t.stage('Decision').id, laneId: t.lane('Touchpoints').id };
    t.run('addNote', { ...target, text: 'x' });
    t.run('addNote', { ...target, text: 'y' });
    // Selection order D, B: the board order (B before D) is what is kept.
    t.run('moveNotes', { noteIds: [ids[3]!, ids[1]!], ...target, position: 1 });
    expect(t.cellTexts('Decision', 'Touchpoints')).toEqual(['x', 'B', 'D', 'y']);
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['A', 'C']);
  });

  it('without a position, appends to the end of the target cell', () => {
    const { t, ids } = boardWithNotes();
    const target = { stageId: t.stage('Decision').id, laneId: t.lane('Touchpoints').id };
    t.run('addNote', { ...target, text: 'x' });
    t.run('moveNotes', { noteIds: [ids[0]!, ids[2]!], ...target });
    expect(t.cellTexts('Decision', 'Touchpoints')).toEqual(['x', 'A', 'C']);
  });

  it('reorders within one cell (position counts the notes that stay)', () => {
    const { t, ids } = boardWithNotes();
    const cell = { stageId: t.stage('Awareness').id, laneId: t.lane('Touchpoints').id };
    t.run('moveNotes', { noteIds: [ids[3]!], ...cell, position: 0 });
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['D', 'A', 'B', 'C']);
    t.run('moveNotes', { noteIds: [ids[0]!, ids[1]!], ...cell, position: 99 });
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['D', 'C', 'A', 'B']);
  });

  it('gathers notes from several cells in board order (stage, lane, index)', () => {
    const t = createTestBoard();
    const add = (stage: string, lane: string, text: string) =>
      t.run('addNote', { stageId: t.stage(stage).id, laneId: t.lane(lane).id, text });
    const late = add('Retention', 'Touchpoints', 'retention');
    const early = add('Awareness', 'Pain points', 'awareness-pain');
    const mid = add('Awareness', 'Pain points', 'awareness-pain-2');
    const target = { stageId: t.stage('Advocacy').id, laneId: t.lane('Opportunities').id };
    t.run('moveNotes', { noteIds: [late, mid, early], ...target });
    expect(t.cellTexts('Advocacy', 'Opportunities')).toEqual(['awareness-pain', 'awareness-pain-2', 'retention']);
  });

  it('position is one key so concurrent moves never mix cells: a move writes one value', () => {
    const { t, ids } = boardWithNotes(['A']);
    const rec = getRecord(t.doc, ids[0]!)!;
    const written: string[] = [];
    rec.observe((e) => written.push(...e.keysChanged));
    t.run('moveNotes', { noteIds: [ids[0]!], stageId: t.stage('Retention').id, laneId: t.lane('Thoughts').id });
    expect(written.sort()).toEqual(['position', 'updatedAt']);
    expect(rec.get('position')).toMatchObject({ stageId: t.stage('Retention').id, laneId: t.lane('Thoughts').id });
    // The kind stays: a note keeps what it is when it moves lanes.
    expect(t.note(ids[0]!).kind).toBe('touchpoint');
  });

  it('moving a note is a field write, never a delete plus insert, so the record survives', () => {
    const { t, ids } = boardWithNotes(['A']);
    const rec = getRecord(t.doc, ids[0]!);
    t.run('moveNotes', { noteIds: [ids[0]!], stageId: t.stage('Retention').id, laneId: t.lane('Thoughts').id });
    expect(getRecord(t.doc, ids[0]!)).toBe(rec);
  });
});

describe('updateNotes', () => {
  it('patches kind, colour, sentiment and department of several notes', () => {
    const { t, ids } = boardWithNotes(['A', 'B']);
    t.run('updateNotes', { noteIds: [ids[0]!, ids[1]!], patch: { colour: '#abcdef', department: 'product' } });
    for (const id of ids)
      expect(t.note(id)).toMatchObject({ colour: '#abcdef', department: 'product', kind: 'touchpoint' });
    t.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: null } });
    expect(t.note(ids[0]!).colour).toBeNull();
    expect(t.note(ids[1]!).colour).toBe('#abcdef');
  });

  it('making a note an emotion gives it a neutral sentiment, keeping one it already has', () => {
    const { t, ids } = boardWithNotes(['A', 'B']);
    t.run('updateNotes', { noteIds: [ids[1]!], patch: { sentiment: 2 } });
    t.run('updateNotes', { noteIds: ids, patch: { kind: 'emotion' } });
    expect(t.note(ids[0]!)).toMatchObject({ kind: 'emotion', sentiment: 0 });
    expect(t.note(ids[1]!)).toMatchObject({ kind: 'emotion', sentiment: 2 });
  });

  it('sentiment is kept when the kind changes away from emotion', () => {
    const { t, ids } = boardWithNotes(['A']);
    t.run('updateNotes', { noteIds: [ids[0]!], patch: { kind: 'emotion', sentiment: -1 } });
    t.run('updateNotes', { noteIds: [ids[0]!], patch: { kind: 'pain' } });
    expect(t.note(ids[0]!)).toMatchObject({ kind: 'pain', sentiment: -1 });
  });

  it('keeps fields it does not know (written by a newer client)', () => {
    const { t, ids } = boardWithNotes(['A']);
    getRecord(t.doc, ids[0]!)!.set('votesVisible', true);
    t.run('updateNotes', { noteIds: [ids[0]!], patch: { kind: 'idea' } });
    t.run('moveNotes', { noteIds: [ids[0]!], stageId: t.stage('Decision').id, laneId: t.lane('Thoughts').id });
    expect(getRecord(t.doc, ids[0]!)!.get('votesVisible')).toBe(true);
  });
});

describe('deleteNotes', () => {
  it('removes exactly the given notes', () => {
    const { t, ids } = boardWithNotes();
    t.run('deleteNotes', { noteIds: [ids[0]!, ids[2]!] });
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['B', 'D']);
    expect(t.board().notesById.has(ids[0]!)).toBe(false);
  });
});

describe('duplicateNotes', () => {
  it('places each copy right after its original, with the same content and the duplicator as author', () => {
    const { t, ids } = boardWithNotes(['A', 'B', 'C']);
    t.run('updateNotes', {
      noteIds: [ids[0]!],
      patch: { colour: '#123456', department: 'marketing', kind: 'emotion', sentiment: 1 },
    });
    const other = joinTestBoard(t, { id: 'user-bo', name: 'Bo', department: 'support' });
    const copies = other.run('duplicateNotes', { noteIds: [ids[0]!, ids[2]!] });
    expect(copies).toHaveLength(2);
    expect(other.cellTexts('Awareness', 'Touchpoints')).toEqual(['A', 'A', 'B', 'C', 'C']);
    const cell = other.board().cells.get(`${other.stage('Awareness').id}|${other.lane('Touchpoints').id}`)!;
    expect(cell.map((n) => n.id)).toEqual([ids[0], copies[0], ids[1], ids[2], copies[1]]);
    expect(other.note(copies[0]!)).toMatchObject({
      kind: 'emotion',
      sentiment: 1,
      colour: '#123456',
      department: 'marketing',
      authorId: 'user-bo',
      authorName: 'Bo',
    });
  });

  it('a copy is a new record: its own key, no id field, its own Y.Text, its own index', () => {
    // The copy carries neither the original's `id` field nor its `position` (same index).
    const { t, ids } = boardWithNotes(['A', 'B']);
    const [copy] = t.run('duplicateNotes', { noteIds: [ids[0]!] });
    const rec = getRecord(t.doc, copy!)!;
    expect(copy).not.toBe(ids[0]);
    expect(rec.has('id')).toBe(false);
    expect(t.note(copy!).id).toBe(copy);
    expect(t.note(copy!).position.index).not.toBe(t.note(ids[0]!).position.index);
    expect(rec.get('text')).not.toBe(getRecord(t.doc, ids[0]!)!.get('text'));
    t.run('editNoteText', { noteId: copy!, text: 'A copy' });
    expect(t.note(ids[0]!).text).toBe('A');
  });
});

describe('pasteNotes', () => {
  const clip = (t: TestBoard, stage: string, lane: string, text: string): ClipboardNote => ({
    stageId: t.stage(stage).id,
    laneId: t.lane(lane).id,
    kind: 'thought',
    text,
    colour: null,
    sentiment: null,
    department: 'product',
  });

  it('pastes into the original cells, after the notes already there, in clipboard order', () => {
    const { t } = boardWithNotes(['A']);
    const ids = t.run('pasteNotes', {
      notes: [
        clip(t, 'Awareness', 'Touchpoints', 'p1'),
        clip(t, 'Decision', 'Thoughts', 'p2'),
        clip(t, 'Awareness', 'Touchpoints', 'p3'),
      ],
    });
    expect(ids).toHaveLength(3);
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['A', 'p1', 'p3']);
    expect(t.cellTexts('Decision', 'Thoughts')).toEqual(['p2']);
    expect(t.note(ids[1]!)).toMatchObject({ kind: 'thought', department: 'product', authorId: 'user-ann' });
  });

  it('pastes everything into the target cell when one is given', () => {
    const { t } = boardWithNotes(['A']);
    const target = { stageId: t.stage('Retention').id, laneId: t.lane('Opportunities').id };
    t.run('pasteNotes', {
      notes: [clip(t, 'Awareness', 'Touchpoints', 'p1'), clip(t, 'Decision', 'Thoughts', 'p2')],
      target,
    });
    expect(t.cellTexts('Retention', 'Opportunities')).toEqual(['p1', 'p2']);
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['A']);
  });

  it('a note whose cell is gone lands in the first cell', () => {
    const { t } = boardWithNotes([]);
    const gone = { ...clip(t, 'Decision', 'Thoughts', 'orphan'), stageId: 'stage:gone' as const };
    t.run('pasteNotes', { notes: [gone, clip(t, 'Decision', 'Thoughts', 'kept')] });
    expect(t.cellTexts('Awareness', 'Touchpoints')).toEqual(['orphan']);
    expect(t.cellTexts('Decision', 'Thoughts')).toEqual(['kept']);
  });

  it('pasteCellFor (also used for drafts): its own cell, else the first, else none', () => {
    const stages = [{ id: 'stage:a' as StageId }, { id: 'stage:b' as StageId }];
    const lanes = [{ id: 'lane:x' as LaneId }, { id: 'lane:y' as LaneId }];
    const own = { stageId: 'stage:b' as StageId, laneId: 'lane:y' as LaneId };
    expect(pasteCellFor({ stages, lanes }, own)).toEqual(own);
    expect(pasteCellFor({ stages, lanes }, { ...own, laneId: 'lane:gone' as LaneId })).toEqual({
      stageId: 'stage:a',
      laneId: 'lane:x',
    });
    expect(pasteCellFor({ stages, lanes }, { ...own, stageId: 'stage:gone' as StageId })).toEqual({
      stageId: 'stage:a',
      laneId: 'lane:x',
    });
    expect(pasteCellFor({ stages: [], lanes }, own)).toBeNull();
  });
});
