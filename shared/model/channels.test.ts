import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { migrateBoard, SCHEMA_VERSION } from '../migrations/migrate.ts';
import { CHANNEL_LIMITS, DEFAULT_CHANNELS, defaultChannelId } from '../schema/channel.ts';
import { recordRepair } from '../schema/recordRepairs.ts';
import { createTestBoard, createTestModel } from '../testing/board.ts';
import { initPeers } from '../testing/peers.ts';
import { findTemplate } from '../templates/index.ts';
import { channelOf, channelView } from './channelView.ts';
import { initializeBoard } from './createBoard.ts';
import { boardTemplateSchema, templateFromBoard } from './savedTemplate.ts';
import { readBoard } from './snapshot.ts';

const WEB = defaultChannelId('web');
const PHONE = defaultChannelId('phone');

/** A schema-7 board: what the code before channels left (no channel records), version 7. */
function schema7Board(): Y.Doc {
  const { doc } = createTestBoard('ecommerce');
  doc.transact(() => {
    for (const id of [...recordsMap(doc).keys()]) if (id.startsWith('channel:')) recordsMap(doc).delete(id);
    metaMap(doc).set('schemaVersion', 7);
  }, ORIGIN.migration);
  return doc;
}

describe('channels', () => {
  it('a new board has the default list, in order, under fixed ids', () => {
    const b = createTestBoard().board();
    expect(b.channels.map((c) => [c.id, c.name, c.icon])).toEqual(
      DEFAULT_CHANNELS.map((c) => [defaultChannelId(c.key), c.name, c.key]),
    );
  });

  it('a note is put on a channel and taken off; a rename shows on it at once', () => {
    const t = createTestBoard('ecommerce');
    const note = t.board().notes.find((n) => n.kind === 'touchpoint')!;
    t.run('setNoteChannel', { noteIds: [note.id], channelId: PHONE });
    expect(channelOf(t.board(), t.note(note.id))?.name).toBe('Phone');
    t.run('updateChannel', { channelId: PHONE, patch: { name: 'Call centre', icon: 'phone' } });
    expect(channelOf(t.board(), t.note(note.id))?.name).toBe('Call centre');
    t.run('setNoteChannel', { noteIds: [note.id], channelId: null });
    expect(t.note(note.id).channelId).toBeNull();
  });

  it('editors add, reorder and remove channels; a removed channel leaves its notes on none', () => {
    const t = createTestBoard('ecommerce');
    const kiosk = t.run('addChannel', { name: 'Kiosk', icon: 'store' });
    expect(t.board().channels.at(-1)).toMatchObject({ id: kiosk, name: 'Kiosk', icon: 'store' });
    t.run('moveChannel', { channelId: kiosk, position: 0 });
    expect(t.board().channels[0]!.id).toBe(kiosk);
    const notes = t
      .board()
      .notes.slice(0, 3)
      .map((n) => n.id);
    t.run('setNoteChannel', { noteIds: notes, channelId: kiosk });
    t.run('removeChannel', { channelId: kiosk });
    expect(t.board().channels.some((c) => c.id === kiosk)).toBe(false);
    for (const id of notes) expect(t.note(id).channelId).toBeNull();
    expect(
      t
        .board()
        .notes.filter((n) => notes.includes(n.id))
        .map((n) => n.text)
        .every(Boolean),
    ).toBe(true);
  });

  it(`a board holds at most ${CHANNEL_LIMITS.perBoard} channels`, () => {
    const t = createTestBoard();
    for (let i = t.board().channels.length; i < CHANNEL_LIMITS.perBoard; i++) t.run('addChannel', { name: `C${i}` });
    expect(() => t.run('addChannel', { name: 'One more' })).toThrow(/at most 30 channels/);
  });

  it('setting a channel is one undo step of its own person', () => {
    const { model, cell } = createTestModel('blank');
    const id = model.run('addNote', { ...cell, text: 'Checkout page' });
    model.run('setNoteChannel', { noteIds: [id], channelId: WEB });
    expect(model.source.getSnapshot().notesById.get(id)!.channelId).toBe(WEB);
    model.undo();
    expect(model.source.getSnapshot().notesById.get(id)!.channelId).toBeNull();
  });

  it('a channel removed while someone puts a note on it: the peers converge, the note reads as on none', () => {
    const net = initPeers({ users: 2, seed: 3, template: findTemplate('ecommerce') });
    const [a, b] = [net.peer(0), net.peer(1)];
    const note = a.board().notes[0]!;
    a.run('removeChannel', { channelId: PHONE });
    b.run('setNoteChannel', { noteIds: [note.id], channelId: PHONE });
    net.syncAll();
    expect(Y.encodeStateAsUpdate(a.doc).length).toBe(Y.encodeStateAsUpdate(b.doc).length);
    for (const p of [a, b]) {
      const board = p.board();
      expect(board.notesById.get(note.id)!.channelId).toBe(PHONE); // the dangling id is kept…
      expect(channelOf(board, board.notesById.get(note.id)!)).toBeNull(); // …and shown as none
      expect(channelView(board).columns.at(-1)).toBeNull();
    }
  });
});

describe('migration 8: channels', () => {
  it('gives a schema-7 board the default list and changes nothing else', () => {
    const doc = schema7Board();
    const before = readBoard(doc);
    expect(before.channels).toEqual([]);
    expect(migrateBoard(doc)).toMatchObject({ from: 7, to: SCHEMA_VERSION });
    const after = readBoard(doc);
    expect(after.channels.map((c) => c.id)).toEqual(DEFAULT_CHANNELS.map((c) => defaultChannelId(c.key)));
    expect({ ...after, meta: null, channels: [] }).toEqual({ ...before, meta: null });
  });

  it('two servers migrating one board at once end with one list, not two', () => {
    const a = schema7Board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateBoard(a);
    migrateBoard(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoard(a).channels).toEqual(readBoard(b).channels);
    expect(readBoard(a).channels).toHaveLength(DEFAULT_CHANNELS.length);
  });

  it('adds only the defaults that are missing, and runs once: a channel removed after it stays removed', () => {
    const t = createTestBoard();
    t.run('removeChannel', { channelId: WEB });
    t.doc.transact(() => metaMap(t.doc).set('schemaVersion', 7), ORIGIN.migration);
    migrateBoard(t.doc);
    // Idempotent per id: a default that exists is left alone; one removed before the migration
    // ran is added (the migration cannot tell), one removed after it is not.
    expect(readBoard(t.doc).channels).toHaveLength(DEFAULT_CHANNELS.length);
    t.run('removeChannel', { channelId: WEB });
    expect(migrateBoard(t.doc).applied).toEqual([]);
    expect(readBoard(t.doc).channels).toHaveLength(DEFAULT_CHANNELS.length - 1);
  });
});

describe('the server’s repair of channels written raw', () => {
  it('fixes a malformed channel and drops a note’s channel that is no channel id', () => {
    const { doc } = createTestBoard('ecommerce');
    const note = readBoard(doc).notes[0]!;
    recordsMap(doc).set('channel:bad', newRecordMap({ name: 'x'.repeat(500), icon: 'rocket', index: 7 }));
    recordsMap(doc).get(note.id)!.set('channel', { evil: true });
    expect(recordRepair('channel:bad', recordsMap(doc).get('channel:bad'))).toMatchObject({
      kind: 'fix',
      set: { name: 'x'.repeat(CHANNEL_LIMITS.nameLength), icon: 'other', index: 'a0' },
    });
    expect(recordRepair(note.id, recordsMap(doc).get(note.id))).toMatchObject({ kind: 'fix', remove: ['channel'] });
    // A dangling channel id is a concurrent removal, not a mistake: left alone.
    recordsMap(doc).get(note.id)!.set('channel', 'channel:removedmeanwhile');
    expect(recordRepair(note.id, recordsMap(doc).get(note.id)).kind).toBe('ok');
  });
});

describe('templates carry channels', () => {
  it('a board saved as a template starts a board with the same list and the same notes on them', () => {
    const t = createTestBoard('ecommerce');
    const kiosk = t.run('addChannel', { name: 'Kiosk', icon: 'store' });
    const [n1, n2] = t.board().notes;
    t.run('setNoteChannel', { noteIds: [n1!.id], channelId: kiosk });
    t.run('setNoteChannel', { noteIds: [n2!.id], channelId: PHONE });
    const template = boardTemplateSchema.parse(
      JSON.parse(
        JSON.stringify(templateFromBoard(t.board(), { id: 'saved-abcdefabcdef', name: 'Mine', description: '' })),
      ),
    );
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'copy', title: 'Copy', template });
    const copy = readBoard(doc);
    expect(copy.channels.map((c) => c.name)).toEqual(t.board().channels.map((c) => c.name));
    const byText = new Map(copy.notes.map((n) => [n.text, channelOf(copy, n)?.name ?? null]));
    expect(byText.get(n1!.text)).toBe('Kiosk');
    expect(byText.get(n2!.text)).toBe('Phone');
  });

  it('a template note pointing past the channel list is refused', () => {
    const template = {
      ...findTemplate('blank')!,
      stages: ['S'],
      notes: [{ stage: 0, lane: 'touchpoint', text: 'x', department: 'sales', channel: 99 }],
    };
    expect(boardTemplateSchema.safeParse(template).success).toBe(false);
  });
});

describe('the channel view', () => {
  it('counts touchpoints and pain points per stage and channel, with the mean sentiment and how far channels differ', () => {
    const t = createTestBoard('blank');
    const s = t.board().stages[0]!.id;
    const laneOf = (kind: string) => t.board().lanes.find((l) => l.kind === kind)!.id;
    const add = (kind: 'touchpoint' | 'pain' | 'emotion', channelId: string | null, sentiment?: number) => {
      const id = t.run('addNote', { stageId: s, laneId: laneOf(kind), text: kind, kind });
      if (sentiment !== undefined) t.run('updateNotes', { noteIds: [id], patch: { sentiment } });
      if (channelId) t.run('setNoteChannel', { noteIds: [id], channelId: channelId as never });
    };
    add('touchpoint', WEB);
    add('touchpoint', WEB);
    add('pain', PHONE);
    add('emotion', WEB, 2);
    add('emotion', WEB, 1);
    add('emotion', PHONE, -2);
    add('touchpoint', null);
    const view = channelView(t.board());
    expect(view.columns.at(-1)).toBeNull();
    const row = view.cells.get(s)!;
    expect(row.get(WEB)).toEqual({ touchpoints: 2, painPoints: 0, emotions: 2, sentiment: 1.5 });
    expect(row.get(PHONE)).toEqual({ touchpoints: 0, painPoints: 1, emotions: 1, sentiment: -2 });
    expect(row.get('none')).toEqual({ touchpoints: 1, painPoints: 0, emotions: 0, sentiment: null });
    expect(view.spread.get(s)).toBe(3.5);
  });
});
