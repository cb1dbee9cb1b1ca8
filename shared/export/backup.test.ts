import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from '../model/snapshot.ts';
import { rawFields, recordsMap } from '../doc/boardDoc.ts';
import { migrateBoard, SCHEMA_VERSION } from '../migrations/migrate.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';
import { schema5Backup, writeSchema5Board } from '../testing/schema5.ts';
import { createTestBoard } from '../testing/board.ts';
import { buildExportFixture } from '../testing/exportFixture.ts';
import { checkBoardBackup, exportBoardBackup, importBoardBackup, type BoardBackup } from './backup.ts';

const AT = '2026-11-30T12:00:00.000Z';
const backupOf = (doc: Y.Doc) => exportBoardBackup(doc, { exportedAt: AT, comments: null, commentsIncluded: false });
/** Through text, as a file travels. */
const viaFile = (b: BoardBackup): unknown => JSON.parse(JSON.stringify(b));

function reimport(doc: Y.Doc, newId = 'importedboard01'): Y.Doc {
  const checked = checkBoardBackup(viaFile(backupOf(doc)));
  if (!checked.ok) throw new Error(checked.message);
  // As the server stores it: encoded, then decoded in a fresh document.
  const written = importBoardBackup(checked.backup, newId);
  const stored = new Y.Doc();
  Y.applyUpdate(stored, Y.encodeStateAsUpdate(written));
  return stored;
}

/** A backup file as parsed JSON, to break on purpose. */
type RawBackup = {
  [field: string]: unknown;
  records: Record<string, Record<string, unknown>>;
  board: Record<string, unknown>;
};

describe('board backup', () => {
  it('importing an export gives an identical board: records, texts, positions, rounds, actions, personas', () => {
    const t = createTestBoard('ecommerce');
    const note = t.board().notes.find((n) => n.kind === 'pain')!;
    t.run('setNoteAction', { noteIds: [note.id], owner: 'Bo', status: 'in-progress', due: '2027-01-31' });
    t.run('editNoteText', { noteId: note.id, text: 'Emoji 🙈, "quotes", a | pipe\nand a new line' });
    const doc = buildExportFixture(t.doc); // adds the fixture's stages, notes and two rounds
    const copy = reimport(doc);

    const a = readBoard(doc);
    const b = readBoard(copy);
    expect(b.meta).toEqual({ ...a.meta, boardId: 'importedboard01' });
    expect(b.stages).toEqual(a.stages);
    expect(b.lanes).toEqual(a.lanes);
    expect(b.notes).toEqual(a.notes);
    expect(b.personas).toEqual(a.personas);
    expect(b.rounds).toEqual(a.rounds);
    expect(b.rounds.length).toBe(2);
    expect(b.notesById.get(note.id)!.action).toMatchObject({
      owner: 'Bo',
      status: 'in-progress',
      due: '2027-01-31',
      issueUrl: null,
    });
    // And the backup of the copy is the same file but for the board id.
    const again = backupOf(copy);
    expect({ ...again, board: { ...again.board, id: 'x' } }).toEqual({
      ...backupOf(doc),
      board: { ...backupOf(doc).board, id: 'x' },
    });
    expect(copy.getMap('records').get(note.id)).toBeInstanceOf(Y.Map);
    expect((copy.getMap('records').get(note.id) as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
  });

  it('carries connectors (with label and share) and channels (renamed, added, on notes), and imports them back', () => {
    const t = createTestBoard('ecommerce');
    const [a, b] = t.board().notes;
    const connector = t.run('addConnector', {
      from: a!.id,
      to: b!.id,
      kind: 'drop-out',
      label: 'card refused',
      share: 12,
    });
    const hotline = t.run('addChannel', { name: 'Hotline', icon: 'phone' });
    t.run('setNoteChannel', { noteIds: [a!.id], channelId: hotline });
    const backup = backupOf(t.doc);
    expect(backup.records[connector]).toEqual({
      from: a!.id,
      to: b!.id,
      kind: 'drop-out',
      label: 'card refused',
      share: 12,
    });
    expect(backup.records[hotline]).toMatchObject({ name: 'Hotline', icon: 'phone' });
    expect(backup.records[a!.id]).toMatchObject({ channel: hotline });

    const copy = readBoard(reimport(t.doc));
    expect(copy.connectors).toEqual(t.board().connectors);
    expect(copy.channels).toEqual(t.board().channels);
    expect(copy.notesById.get(a!.id)!.channelId).toBe(hotline);
  });

  it('is readable JSON: a note is its fields, its text a string', () => {
    const b = backupOf(buildExportFixture());
    expect(b).toMatchObject({
      format: 'journeyboard.board',
      version: 1,
      schemaVersion: SCHEMA_VERSION,
      board: { id: 'fixtureboard01' },
    });
    expect(b.records['note:shipping']).toMatchObject({
      text: 'Shipping cost, shown "late" at checkout',
      position: { stageId: 'stage:decision', laneId: 'lane:pain', index: 'a0' },
      actionOwner: 'Bo Ström',
    });
    expect(b.records['round:second']).toMatchObject({ title: 'After the break' });
    // Schema 6: the key says what a record is; null colour and sentiment are not stored.
    for (const fields of Object.values(b.records))
      for (const f of ['typeName', 'id']) expect(fields).not.toHaveProperty(f);
    expect(b.records['note:shipping']).not.toHaveProperty('colour');
  });

  it('a schema-5 backup (typeName, id, null colour and sentiment on every note) imports as a schema-6 board', () => {
    const old = schema5Backup();
    expect(old.schemaVersion).toBe(5);
    const checked = checkBoardBackup(JSON.parse(JSON.stringify(old)));
    if (!checked.ok) throw new Error(checked.message);
    const written = importBoardBackup(checked.backup, 'importedboard05');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(written));
    // Records are written in today's layout at once; the version is migrated when the server loads it.
    recordsMap(stored).forEach((rec, key) => expect(fieldsToDrop(key, rawFields(rec)), key).toEqual([]));
    expect(migrateBoard(stored)).toMatchObject({ from: 5, to: SCHEMA_VERSION });
    // The same board as the schema-5 code had: compare with the schema-5 document, read today.
    const v5 = readBoard(writeSchema5Board());
    const imported = readBoard(stored);
    // Plus the default channels migration 8 gives every board.
    expect({ ...imported, meta: null, channels: [] }).toEqual({ ...v5, meta: null });
    expect(imported.channels).toHaveLength(8);
    expect(imported.notes.length).toBeGreaterThan(20);
    expect(imported.notes.some((n) => n.colour !== null) && imported.notes.some((n) => n.sentiment !== null)).toBe(
      true,
    );
    // Its backup is a schema-6 file that imports again.
    const again = checkBoardBackup(viaFile(backupOf(stored)));
    expect(again.ok).toBe(true);
  });

  it('a backup whose record carries an id other than its key is refused (schema-5 files carry ids)', () => {
    const old = schema5Backup() as unknown as RawBackup;
    const [id] = Object.keys(old.records).filter((k) => k.startsWith('note:'));
    old.records[id!]!.id = 'note:other';
    expect(checkBoardBackup(old)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/\.id: must equal the record's key/),
    });
  });

  const broken = (change: (b: RawBackup) => void) => {
    const b = viaFile(backupOf(buildExportFixture())) as RawBackup;
    change(b);
    return checkBoardBackup(b);
  };

  it.each([
    ['not a backup', (b: RawBackup) => (b.format = 'something'), /format: this is not a Journeyboard board backup/],
    ['another version', (b: RawBackup) => (b.version = 2), /version: only version 1/],
    ['a newer schema', (b: RawBackup) => (b.schemaVersion = SCHEMA_VERSION + 1), /newer Journeyboard/],
    ['no records', (b: RawBackup) => delete (b as Partial<RawBackup>).records, /^records: /],
    [
      'an unknown record type',
      (b: RawBackup) => (b.records['widget:x'] = { typeName: 'widget', id: 'widget:x' }),
      /records\["widget:x"\]: not a record id/,
    ],
    [
      'a wrong typeName',
      (b: RawBackup) => (b.records['note:ads']!.typeName = 'lane'),
      /records\["note:ads"\].typeName: expected "note"/,
    ],
    [
      'a bad colour',
      (b: RawBackup) => (b.records['note:ads']!.colour = 'red'),
      /records\["note:ads"\]: invalid colour/,
    ],
    ['a text that is no string', (b: RawBackup) => (b.records['note:ads']!.text = 5), /records\["note:ads"\].text/],
    [
      'a broken position',
      (b: RawBackup) => (b.records['note:ads']!.position = { stageId: 'x' }),
      /records\["note:ads"\]: invalid position/,
    ],
    [
      'an unknown kind',
      (b: RawBackup) => (b.records['note:ads']!.kind = 'banana'),
      /records\["note:ads"\]: invalid kind/,
    ],
    [
      'a text too long',
      (b: RawBackup) => (b.records['note:ads']!.text = 'x'.repeat(2001)),
      /records\["note:ads"\]: invalid text \(too long\)/,
    ],
    [
      'a bad round',
      (b: RawBackup) => (b.records['round:first']!.dotsPerPerson = -1),
      /records\["round:first"\]: invalid dotsPerPerson/,
    ],
    ['an empty title', (b: RawBackup) => (b.board.title = '  '), /board.title/],
    [
      'no stage',
      (b: RawBackup) => {
        for (const id of Object.keys(b.records)) if (id.startsWith('stage:')) delete b.records[id];
      },
      /at least one stage/,
    ],
  ])('refuses %s with a message naming the problem', (_what, change, message) => {
    const result = broken(change);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses more records than the server allows', () => {
    const result = checkBoardBackup(viaFile(backupOf(buildExportFixture())), {
      ...{
        maxNoteLength: 2000,
        maxNameLength: 60,
        maxDescriptionLength: 500,
        maxAuthorNameLength: 60,
        maxShortStringLength: 128,
      },
      maxRecords: 5,
    });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/more than this server's limit of 5/) });
  });
});
