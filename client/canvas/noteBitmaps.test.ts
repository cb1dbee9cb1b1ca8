import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, findTemplate, initializeBoard, type Note } from '../../shared/index.ts';
import { NoteBitmaps } from './noteBitmaps.ts';
import { DEFAULT_LOOK, type NoteLook } from './shapes/noteNode.ts';

/** A bitmap that says what it was drawn from, so a stale one is told apart from a fresh one. */
interface Drawn {
  readonly width: number;
  readonly height: number;
  readonly text: string;
  readonly labelWidth: number;
  readonly ratio: number;
}

function setup(budget?: number) {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('ecommerce')! });
  const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
  const bitmaps = new NoteBitmaps<Drawn>(
    (look, ratio) => ({ width: 10, height: 10, text: look.note.text, labelWidth: look.labelWidth, ratio }),
    budget,
  );
  const note = (id: Note['id']) => model.source.getSnapshot().notesById.get(id)!;
  const look = (n: Note, more: Partial<NoteLook> = {}): NoteLook => ({ ...DEFAULT_LOOK, note: n, ...more });
  return { model, bitmaps, note, look, first: model.source.getSnapshot().notes[0]! };
}

describe('NoteBitmaps', () => {
  it('draws a note once while its look and zoom bucket stand', () => {
    const { bitmaps, look, first } = setup();
    const a = bitmaps.get(look(first), 1).bitmap;
    expect(bitmaps.get(look(first), 1).bitmap).toBe(a);
    expect(bitmaps.made).toBe(1);
  });

  it('never returns the old bitmap after a text change, local or remote', () => {
    const { model, bitmaps, note, look, first } = setup();
    bitmaps.get(look(first), 1);
    model.run('editNoteText', { noteId: first.id, text: 'changed mid-pan' });
    expect(bitmaps.has(look(note(first.id)), 1)).toBe(false);
    expect(bitmaps.get(look(note(first.id)), 1).bitmap.text).toBe('changed mid-pan');

    // A peer's edit, applied as an update from another document.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(model.doc));
    const remote = new BoardModel(peer, { id: 'p', name: 'P', department: 'support' });
    remote.run('editNoteText', { noteId: first.id, text: 'changed by a peer' });
    Y.applyUpdate(model.doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(model.doc)));
    expect(bitmaps.get(look(note(first.id)), 1).bitmap.text).toBe('changed by a peer');
  });

  it('draws again when what the layer adds changes: a vote badge shortening the label, a colour, personas, a channel', () => {
    const { bitmaps, look, first } = setup();
    bitmaps.get(look(first), 1);
    // A revealed vote total puts a badge in the header: the kind label is cut where it begins.
    expect(bitmaps.get(look(first, { labelWidth: 80 }), 1).bitmap.labelWidth).toBe(80);
    for (const more of [
      { authorColour: '#123456' },
      { personaColours: ['#abcdef'] },
      { channelIcon: 'web' as const },
    ]) {
      expect(bitmaps.has(look(first, { labelWidth: 80, ...more }), 1)).toBe(false);
    }
    expect(bitmaps.made).toBe(2);
  });

  it('draws again in another zoom bucket; while stretching is allowed, the other bucket’s bitmap of the same look will do', () => {
    const { model, bitmaps, note, look, first } = setup();
    bitmaps.get(look(first), 1);
    expect(bitmaps.get(look(first), 2, true)).toMatchObject({ exact: false, bitmap: { ratio: 1 } });
    expect(bitmaps.get(look(first), 2).bitmap.ratio).toBe(2);
    expect(bitmaps.has(look(first), 1)).toBe(false);
    // Never a stretched bitmap of an old text.
    model.run('editNoteText', { noteId: first.id, text: 'changed while zooming' });
    expect(bitmaps.get(look(note(first.id)), 1, true)).toMatchObject({
      exact: true,
      bitmap: { text: 'changed while zooming' },
    });
  });

  it('keeps to its pixel budget, dropping the least recently drawn first', () => {
    const { model, bitmaps, look } = setup(300);
    const [a, b, c, d] = model.source.getSnapshot().notes;
    for (const n of [a!, b!, c!]) bitmaps.get(look(n), 1);
    bitmaps.get(look(a!), 1); // a is now the most recently used
    bitmaps.get(look(d!), 1);
    expect(bitmaps.size).toBe(3);
    expect(bitmaps.has(look(b!), 1)).toBe(false);
    expect(bitmaps.has(look(a!), 1)).toBe(true);
  });
});
