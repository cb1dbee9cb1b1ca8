import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getRecord, metaMap, newRecordMap, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { SCHEMA_VERSION } from '../migrations/migrate.ts';
import type { NoteId } from '../schema/ids.ts';
import { createTestBoard, joinTestBoard, TEST_ACTOR } from '../testing/board.ts';
import { BoardSnapshotSource, buildSnapshot, cellKey, readBoard, summarizeBoard } from './snapshot.ts';

function withSource(templateId = 'ecommerce') {
  const t = createTestBoard(templateId);
  const source = new BoardSnapshotSource(t.doc);
  let notified = 0;
  source.subscribe(() => notified++);
  return { t, source, notified: () => notified };
}

describe('BoardSnapshotSource', () => {
  it('returns the same snapshot until something changes (useSyncExternalStore contract)', () => {
    const { source } = withSource();
    expect(source.getSnapshot()).toBe(source.getSnapshot());
  });

  it('keeps the object identity of unchanged records across changes', () => {
    const { t, source } = withSource();
    const before = source.getSnapshot();
    const [edited, untouched] = before.notes as [(typeof before.notes)[number], (typeof before.notes)[number]];
    t.run('editNoteText', { noteId: edited.id, text: 'changed' });
    const after = source.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.notesById.get(edited.id)).not.toBe(edited);
    expect(after.notesById.get(edited.id)!.text).toBe('changed');
    expect(after.notesById.get(untouched.id)).toBe(untouched);
    after.stages.forEach((s, i) => expect(s).toBe(before.stages[i]));
    after.lanes.forEach((l, i) => expect(l).toBe(before.lanes[i]));
    const sameObjects = after.notes.filter((n) => before.notesById.get(n.id) === n);
    expect(sameObjects).toHaveLength(before.notes.length - 1);
  });

  it('notifies subscribers once per transaction, also for remote updates and meta changes', () => {
    const { t, source, notified } = withSource();
    const ids = source
      .getSnapshot()
      .notes.slice(0, 3)
      .map((n) => n.id);
    t.run('moveNotes', { noteIds: ids, stageId: t.stage('Delivery').id, laneId: t.lane('Thoughts').id });
    expect(notified()).toBe(1);
    t.run('renameBoard', { title: 'Renamed' });
    expect(notified()).toBe(2);
    expect(source.getSnapshot().meta.title).toBe('Renamed');

    const other = joinTestBoard(t, { ...TEST_ACTOR, id: 'user-bo' });
    other.run('editNoteText', { noteId: ids[0]!, text: 'typed remotely' });
    Y.applyUpdate(t.doc, Y.encodeStateAsUpdate(other.doc), 'remote');
    expect(notified()).toBe(3);
    expect(source.getSnapshot().notesById.get(ids[0]!)!.text).toBe('typed remotely');
  });

  it('unsubscribe and destroy stop notifications', () => {
    const { t, source, notified } = withSource();
    let second = 0;
    const unsubscribe = source.subscribe(() => second++);
    unsubscribe();
    t.run('renameBoard', { title: 'One' });
    expect(second).toBe(0);
    expect(notified()).toBe(1);
    source.destroy();
    t.run('renameBoard', { title: 'Two' });
    expect(notified()).toBe(1);
  });

  it('stays equal to a full read through every kind of change', () => {
    const { t, source } = withSource();
    const snap = () => {
      const { meta, stages, lanes, notes, orphanNotes, cells } = source.getSnapshot();
      return { meta, stages, lanes, notes, orphanNotes, cells };
    };
    const full = () => {
      const { meta, stages, lanes, notes, orphanNotes, cells } = readBoard(t.doc);
      return { meta, stages, lanes, notes, orphanNotes, cells };
    };
    const first = source.getSnapshot().notes[0]!;
    t.run('addStage', { name: 'Loyalty', position: 0 });
    t.run('setLaneKind', { laneId: t.lane('Thoughts').id, kind: 'idea' });
    t.run('duplicateNotes', { noteIds: [first.id] });
    t.run('removeStage', { stageId: t.stage('Delivery').id, decision: { notes: 'move', to: t.stage('Loyalty').id } });
    t.run('removeLane', { laneId: t.lane('Pain points').id, decision: { notes: 'delete' } });
    expect(snap()).toEqual(full());
    recordsMap(t.doc).delete(t.stage('Awareness').id); // as if removed concurrently, notes and all
    expect(snap()).toEqual(full());
    expect(source.getSnapshot().orphanNotes.length).toBeGreaterThan(0);
  });

  it('orders stages, lanes and notes by (index, id): equal indexes fall back to the id', () => {
    const doc = new Y.Doc();
    const records = recordsMap(doc);
    doc.transact(() => {
      for (const [id, index] of [
        ['stage:b', 'a1'],
        ['stage:c', 'a0'],
        ['stage:a', 'a1'],
      ] as const)
        records.set(id, newRecordMap({ name: id, index }));
      for (const [id, index] of [
        ['lane:z', 'a0'],
        ['lane:y', 'a0'],
      ] as const)
        records.set(id, newRecordMap({ name: id, kind: 'idea', index }));
      for (const [id, index] of [
        ['note:3', 'a1'],
        ['note:2', 'a0'],
        ['note:1', 'a1'],
        ['note:0', 'Zz'],
      ] as const)
        records.set(id, newRecordMap({ text: id, position: { stageId: 'stage:a', laneId: 'lane:y', index } }));
    });
    const source = new BoardSnapshotSource(doc);
    for (const b of [source.getSnapshot(), readBoard(doc)]) {
      expect(b.stages.map((s) => s.id)).toEqual(['stage:c', 'stage:a', 'stage:b']);
      expect(b.lanes.map((l) => l.id)).toEqual(['lane:y', 'lane:z']);
      expect(b.notes.map((n) => n.id)).toEqual(['note:0', 'note:2', 'note:1', 'note:3']);
      expect(b.cells.get(cellKey('stage:a', 'lane:y'))!.map((n) => n.id)).toEqual([
        'note:0',
        'note:2',
        'note:1',
        'note:3',
      ]);
    }
  });

  it('notes follow the stage-major order of the board: stage, then lane, then index', () => {
    const { t } = withSource('blank');
    const add = (stage: string, lane: string, text: string) =>
      t.run('addNote', { stageId: t.stage(stage).id, laneId: t.lane(lane).id, text });
    add('Decision', 'Touchpoints', '3');
    add('Awareness', 'Opportunities', '2');
    add('Awareness', 'Touchpoints', '1');
    add('Decision', 'Touchpoints', '4');
    expect(readBoard(t.doc).notes.map((n) => n.text)).toEqual(['1', '2', '3', '4']);
  });

  it('notes whose stage or lane vanished go to orphanNotes, never dropped, in a stable order', () => {
    const { t, source } = withSource('blank');
    const cell = { stageId: t.stage('Retention').id, laneId: t.lane('Emotions').id };
    const ids = ['x', 'y', 'z'].map((text) => t.run('addNote', { ...cell, text }));
    recordsMap(t.doc).delete(cell.stageId);
    const b = source.getSnapshot();
    expect(b.orphanNotes.map((n) => n.id)).toEqual(ids);
    expect(b.notes.slice(-3).map((n) => n.id)).toEqual(ids);
    for (const id of ids) expect(b.notesById.has(id)).toBe(true);
    expect([...b.cells.values()].flat().some((n) => ids.includes(n.id))).toBe(false);
  });

  it('orphans are ordered the same on every peer, whatever order their records arrived in', () => {
    const records = (order: string[]) =>
      order.map((id, i) => ({
        typeName: 'note' as const,
        id: id as NoteId,
        position: { stageId: 'stage:gone' as const, laneId: 'lane:gone' as const, index: i % 2 ? 'a0' : 'a1' },
        kind: 'idea' as const,
        text: id,
        colour: null,
        sentiment: null,
        department: 'other' as const,
        authorId: '',
        authorName: '',
        createdAt: 0,
        updatedAt: 0,
        personaIds: [],
        action: null,
        channelId: null,
      }));
    const meta = { schemaVersion: 1, boardId: 'b', title: 't', createdAt: 0 };
    const a = buildSnapshot(meta, records(['note:a', 'note:b', 'note:c']));
    const b = buildSnapshot(meta, [...records(['note:a', 'note:b', 'note:c'])].reverse());
    expect(a.orphanNotes.map((n) => n.id)).toEqual(b.orphanNotes.map((n) => n.id));
    expect(a.notes.map((n) => n.id)).toEqual(['note:b', 'note:a', 'note:c']);
  });
});

describe('tolerant reads (strict on write, tolerant on read)', () => {
  it('fills defaults for missing or mistyped fields', () => {
    const doc = new Y.Doc();
    const records = recordsMap(doc);
    records.set('stage:s', newRecordMap({ name: 42, index: null }));
    records.set('lane:l', newRecordMap({ kind: 'metric' }));
    records.set(
      'note:n',
      newRecordMap({
        position: { stageId: 'stage:s', laneId: 'lane:l', index: 7 },
        kind: 'feeling',
        sentiment: 5,
        department: 'finance',
        colour: 3,
        text: 12,
        createdAt: '2020',
      }),
    );
    records.set('note:m', newRecordMap({ sentiment: 1.5, text: 'plain string' }));
    const b = readBoard(doc);
    expect(b.stages[0]).toEqual({
      typeName: 'stage',
      id: 'stage:s',
      name: 'Untitled stage',
      index: 'a0',
      description: '',
    });
    expect(b.lanes[0]).toEqual({
      typeName: 'lane',
      id: 'lane:l',
      name: 'Untitled lane',
      kind: 'touchpoint',
      index: 'a0',
    });
    expect(b.notesById.get('note:n')).toEqual({
      typeName: 'note',
      id: 'note:n',
      position: { stageId: 'stage:s', laneId: 'lane:l', index: 'a0' },
      kind: 'touchpoint',
      text: '',
      colour: null,
      sentiment: null,
      department: 'other',
      authorId: '',
      authorName: 'Someone',
      createdAt: 0,
      updatedAt: 0,
      personaIds: [],
      action: null,
      channelId: null,
    });
    // A plain-string text (from a careless writer) still reads; a missing position makes an orphan.
    expect(b.notesById.get('note:m')).toMatchObject({
      text: 'plain string',
      sentiment: null,
      position: { stageId: 'stage:missing', laneId: 'lane:missing' },
    });
    expect(b.orphanNotes.map((n) => n.id)).toEqual(['note:m']);
  });

  it('meta defaults: title, createdAt and version', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({ schemaVersion: 0, boardId: '', title: 'Untitled journey', createdAt: 0 });
    metaMap(doc).set('title', 7);
    expect(readMeta(doc).title).toBe('Untitled journey');
  });

  it('keeps unknown record types in the doc: not shown, not counted, not touched by commands', () => {
    const t = createTestBoard('ecommerce');
    recordsMap(t.doc).set('persona:p1', newRecordMap({ name: 'Busy parent' }));
    recordsMap(t.doc).set('kpi:k1', newRecordMap({ value: 42 }));
    const source = new BoardSnapshotSource(t.doc);
    const before = readBoard(t.doc);
    t.run('removeStage', { stageId: t.stage('Awareness').id, decision: { notes: 'delete' } });
    t.run('addNote', { stageId: t.stage('Purchase').id, laneId: t.lane('Thoughts').id, text: 'still here' });
    expect(getRecord(t.doc, 'persona:p1' as never)?.get('name')).toBe('Busy parent');
    expect(getRecord(t.doc, 'kpi:k1' as never)?.get('value')).toBe(42);
    expect(source.getSnapshot().notes).toHaveLength(before.notes.length - 3 + 1);
    expect(summarizeBoard(t.doc).counts).toEqual({ stages: 5, lanes: 6, notes: before.notes.length - 3 + 1 });
  });

  it('a record that is not a Y.Map is skipped by readers, not thrown on', () => {
    const t = createTestBoard('blank');
    (recordsMap(t.doc) as Y.Map<unknown>).set('note:plain', { text: 'plain object' });
    const source = new BoardSnapshotSource(t.doc);
    expect(readBoard(t.doc).notesById.has('note:plain')).toBe(false);
    expect(source.getSnapshot().notesById.has('note:plain')).toBe(false);
  });
});

describe('summarizeBoard', () => {
  it('counts records by type and reports the meta', () => {
    const t = createTestBoard('ecommerce');
    expect(summarizeBoard(t.doc)).toEqual({
      title: 'Journey',
      schemaVersion: SCHEMA_VERSION,
      createdAt: 1,
      counts: { stages: 6, lanes: 6, notes: 19 },
    });
  });
});
