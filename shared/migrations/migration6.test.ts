import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawFields, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { executeCommand } from '../model/commands/index.ts';
import { readBoard } from '../model/snapshot.ts';
import { DEFAULT_CHANNELS, defaultChannelId } from '../schema/channel.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';
import { createTestBoard, TEST_ACTOR } from '../testing/board.ts';
import { schema5Note, writeSchema5Board } from '../testing/schema5.ts';
import { migrateBoard, mustStopEditing, schemaCompatibility, SCHEMA_VERSION } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'network');
const fieldsOf = (doc: Y.Doc, id: string) => rawFields(recordsMap(doc).get(id)!);
/** Every record's leftover schema-5 fields (empty in a schema-6 layout). */
const leftovers = (doc: Y.Doc) => {
  const found: string[] = [];
  recordsMap(doc).forEach((rec, key) => found.push(...fieldsToDrop(key, rawFields(rec)).map((f) => `${key}.${f}`)));
  return found;
};

describe('migration 6: smaller records', () => {
  it('is the sixth migration', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    expect(MIGRATIONS[5]!.name).toMatch(/typeName, id/);
  });

  it('takes a schema-5 board to the schema-6 layout and shows the same board', () => {
    const doc = writeSchema5Board();
    const before = readBoard(doc);
    expect(leftovers(doc).length).toBeGreaterThan(100); // the fixture is really schema 5
    const result = migrateBoard(doc);
    expect(result).toMatchObject({ from: 5, to: SCHEMA_VERSION });
    expect(result.applied[0]).toBe(MIGRATIONS[5]!.name);
    expect(leftovers(doc)).toEqual([]);
    const after = readBoard(doc);
    // The same board, plus the default channels migration 8 gives every board.
    expect({ ...after, meta: null, channels: [] }).toEqual({ ...before, meta: null });
    expect(after.channels.map((c) => c.id)).toEqual(DEFAULT_CHANNELS.map((c) => defaultChannelId(c.key)));
    expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
    // A colour and sentiments that were set are kept; null ones are gone.
    const coloured = after.notes.find((n) => n.colour !== null)!;
    expect(fieldsOf(doc, coloured.id).colour).toBe(coloured.colour);
    const emotion = after.notes.find((n) => n.kind === 'emotion' && n.sentiment !== null)!;
    expect(fieldsOf(doc, emotion.id).sentiment).toBe(emotion.sentiment);
    expect(
      Object.keys(fieldsOf(doc, after.notes.find((n) => n.colour === null && n.sentiment === null)!.id)),
    ).not.toContain('colour');
  });

  it('is idempotent: on a migrated or schema-6-written document it writes nothing', () => {
    const doc = writeSchema5Board();
    const up = MIGRATIONS[5]!.up;
    doc.transact(() => up(doc), ORIGIN.migration);
    let updates = 0;
    doc.on('update', () => updates++);
    doc.transact(() => up(doc), ORIGIN.migration);
    expect(updates).toBe(0);
    // And on a board the schema-6 code wrote (a newer client before the server migrated).
    const fresh = createTestBoard('ecommerce').doc;
    fresh.on('update', () => updates++);
    fresh.transact(() => up(fresh), ORIGIN.migration);
    expect(updates).toBe(0);
  });

  it('leaves records of unknown (newer) types and non-record values alone', () => {
    const doc = writeSchema5Board();
    const widget = new Y.Map<unknown>();
    doc.transact(() => {
      widget.set('typeName', 'widget');
      widget.set('id', 'widget:x');
      widget.set('colour', null);
      recordsMap(doc).set('widget:x' as never, widget);
    });
    migrateBoard(doc);
    expect(widget.toJSON()).toEqual({ typeName: 'widget', id: 'widget:x', colour: null });
  });

  it('merges with a concurrent schema-5 edit: a colour set meanwhile wins over the removal of null', () => {
    const server = writeSchema5Board();
    const oldClient = new Y.Doc();
    sync(server, oldClient);
    const note = readBoard(server).notes.find((n) => n.colour === null)!;
    const other = readBoard(server).notes.find((n) => n.colour === null && n.id !== note.id)!;
    // The old client (offline) recolours one note and types in another, as schema-5 code did.
    oldClient.transact(() => {
      (recordsMap(oldClient).get(note.id) as Y.Map<unknown>).set('colour', '#abcdef');
      const text = (recordsMap(oldClient).get(other.id) as Y.Map<unknown>).get('text') as Y.Text;
      text.insert(0, 'Late: ');
    }, ORIGIN.local);
    migrateBoard(server);
    sync(oldClient, server);
    sync(server, oldClient);
    expect(Y.encodeStateAsUpdate(server)).toEqual(Y.encodeStateAsUpdate(oldClient));
    const merged = readBoard(server);
    expect(merged.notesById.get(note.id)!.colour).toBe('#abcdef');
    expect(merged.notesById.get(other.id)!.text).toBe(`Late: ${other.text}`);
    expect(leftovers(server)).toEqual([]);
  });

  it('a note a schema-5 client adds concurrently keeps its schema-5 fields until the server repairs it; it reads the same', () => {
    const server = writeSchema5Board();
    const oldClient = new Y.Doc();
    sync(server, oldClient);
    const { stages, lanes } = readBoard(oldClient);
    oldClient.transact(() => {
      const position = { stageId: stages[0]!.id, laneId: lanes[0]!.id, index: 'zz' };
      recordsMap(oldClient).set(
        'note:fromoldclient01',
        schema5Note('note:fromoldclient01', position, 'Written offline'),
      );
    }, ORIGIN.local);
    migrateBoard(server);
    sync(oldClient, server);
    // Readers do not care which layout a record has; RecordGuard removes the extra fields
    // (server/extensions/RecordGuard.test.ts).
    expect(readBoard(server).notesById.get('note:fromoldclient01')).toMatchObject({
      id: 'note:fromoldclient01',
      typeName: 'note',
      colour: null,
      sentiment: null,
      text: 'Written offline',
    });
    expect(leftovers(server).sort()).toEqual(
      ['colour', 'id', 'sentiment', 'typeName'].map((f) => `note:fromoldclient01.${f}`),
    );
  });

  it('a schema-5 client that meets the migrated board stops editing; a schema-6 client on a schema-5 board does not', () => {
    const doc = writeSchema5Board();
    expect(mustStopEditing(doc)).toBe(false); // older: the server migrates it when it loads it
    migrateBoard(doc);
    expect(schemaCompatibility(readMeta(doc).schemaVersion, 5)).toBe('newer-doc');
    expect(mustStopEditing(doc, 5)).toBe(true); // what BoardSession checks on every change
    expect(mustStopEditing(doc)).toBe(false);
  });

  it('commands on a migrated board keep the schema-6 layout', () => {
    const doc = writeSchema5Board();
    migrateBoard(doc);
    const { stages, lanes, notes } = readBoard(doc);
    executeCommand(doc, TEST_ACTOR, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'new' });
    executeCommand(doc, TEST_ACTOR, 'updateNotes', { noteIds: [notes[0]!.id], patch: { colour: '#123456' } });
    executeCommand(doc, TEST_ACTOR, 'updateNotes', { noteIds: [notes[0]!.id], patch: { colour: null } });
    executeCommand(doc, TEST_ACTOR, 'duplicateNotes', { noteIds: [notes[1]!.id] });
    executeCommand(doc, TEST_ACTOR, 'addStage', { name: 'Extra' });
    expect(leftovers(doc)).toEqual([]);
  });
});
