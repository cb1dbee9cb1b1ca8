import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { initializeBoard } from '../model/createBoard.ts';
import { findTemplate } from '../templates/index.ts';
import { migrateBoard, schemaCompatibility, SCHEMA_VERSION, validateMigrations } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** Counts `update` events and transaction origins on a doc while `fn` runs. */
function watch<T>(doc: Y.Doc, fn: () => T): { result: T; updates: number; origins: unknown[] } {
  let updates = 0;
  const origins: unknown[] = [];
  const onUpdate = () => void updates++;
  const onTransaction = (tr: Y.Transaction) => void origins.push(tr.origin);
  doc.on('update', onUpdate);
  doc.on('afterTransaction', onTransaction);
  try {
    return { result: fn(), updates, origins };
  } finally {
    doc.off('update', onUpdate);
    doc.off('afterTransaction', onTransaction);
  }
}

/** A two-step test list: the second adds a field to every stage, idempotently. */
function customList(calls: string[]): Migration[] {
  return [
    { id: 1, name: 'first', up: () => void calls.push('first') },
    {
      id: 2,
      name: 'stage colours',
      up(doc) {
        calls.push('stage colours');
        recordsMap(doc).forEach((rec, id) => {
          if (id.startsWith('stage:') && !rec.has('colour')) rec.set('colour', '#eeeeee');
        });
      },
    },
  ];
}

describe('migration list', () => {
  it('SCHEMA_VERSION is the number of migrations: a migration’s id is its position', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    MIGRATIONS.forEach((m, i) => expect(m.id).toBe(i + 1));
  });

  it('validateMigrations accepts 1, 2, 3, … with unique names and returns the count', () => {
    expect(validateMigrations(customList([]))).toBe(2);
    expect(validateMigrations([])).toBe(0);
  });

  it.each([
    ['a gap', [1, 3], ['a', 'b']],
    ['wrong order', [2, 1], ['a', 'b']],
    ['a repeated id', [1, 1], ['a', 'b']],
    ['starting at 0', [0, 1], ['a', 'b']],
    ['a duplicate name', [1, 2], ['same', 'same']],
  ])('validateMigrations rejects %s', (_label, ids, names) => {
    const list = ids.map((id, i) => ({ id, name: names[i]!, up: () => {} }));
    expect(() => validateMigrations(list)).toThrow();
  });
});

describe('migrateBoard', () => {
  it('on an empty doc sets schemaVersion and runs every migration in one migration transaction', () => {
    const doc = new Y.Doc();
    const { result, updates, origins } = watch(doc, () => migrateBoard(doc));
    expect(result).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.name) });
    expect(origins).toEqual([ORIGIN.migration]);
    expect(updates).toBe(1);
    expect(readMeta(doc)).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Untitled journey' });
    expect(readMeta(doc).createdAt).toBeGreaterThan(0);
  });

  it('running it twice changes nothing: the second run emits no update', () => {
    const doc = new Y.Doc();
    migrateBoard(doc);
    const state = Y.encodeStateAsUpdate(doc);
    const second = watch(doc, () => migrateBoard(doc));
    expect(second.result).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    expect(second.updates).toBe(0);
    expect(second.origins).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('a freshly created board is already current: nothing to migrate', () => {
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'b', title: 'Mine', template: findTemplate('blank')! });
    expect(watch(doc, () => migrateBoard(doc)).updates).toBe(0);
  });

  it('migration 1 is idempotent: it keeps a title and createdAt the doc already has', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('title', 'Written by a newer client');
    metaMap(doc).set('createdAt', 1234);
    migrateBoard(doc);
    expect(readMeta(doc)).toMatchObject({
      title: 'Written by a newer client',
      createdAt: 1234,
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('only pending migrations run (custom list of two)', () => {
    const calls: string[] = [];
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'b', title: 'Old', template: findTemplate('blank')! });
    metaMap(doc).set('schemaVersion', 1);
    const { result, origins } = watch(doc, () => migrateBoard(doc, customList(calls)));
    expect(calls).toEqual(['stage colours']);
    expect(result).toEqual({ from: 1, to: 2, applied: ['stage colours'] });
    expect(origins).toEqual([ORIGIN.migration]);
    expect(readMeta(doc).schemaVersion).toBe(2);
    recordsMap(doc).forEach((rec, id) => {
      if (id.startsWith('stage:')) expect(rec.get('colour')).toBe('#eeeeee');
    });
    expect(watch(doc, () => migrateBoard(doc, customList(calls))).updates).toBe(0);
    expect(calls).toEqual(['stage colours']);
  });

  it('no down-migrations: newer docs are left alone', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 3);
    metaMap(doc).set('futureField', { kept: true });
    const state = Y.encodeStateAsUpdate(doc);
    const { result, updates } = watch(doc, () => migrateBoard(doc));
    expect(result).toEqual({ from: SCHEMA_VERSION + 3, to: SCHEMA_VERSION + 3, applied: [] });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('a migration that throws leaves the version unchanged, so the next load runs it again', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 1);
    const failing: Migration[] = [
      { id: 1, name: 'first', up: () => {} },
      {
        id: 2,
        name: 'broken',
        up: () => {
          throw new Error('broken migration');
        },
      },
    ];
    expect(() => migrateBoard(doc, failing)).toThrow('broken migration');
    expect(readMeta(doc).schemaVersion).toBe(1);
  });

  it('a mistyped schemaVersion reads as 0, so every migration runs', () => {
    for (const bad of ['2', null, -1, 0.5, Number.NaN]) {
      const doc = new Y.Doc();
      metaMap(doc).set('schemaVersion', bad);
      const calls: string[] = [];
      migrateBoard(doc, customList(calls));
      expect(calls, `schemaVersion ${String(bad)}`).toEqual(['first', 'stage colours']);
      expect(readMeta(doc).schemaVersion).toBe(2);
    }
  });
});

describe('schemaCompatibility', () => {
  it('compares the doc’s version with the code’s', () => {
    expect(schemaCompatibility(SCHEMA_VERSION)).toBe('same');
    expect(schemaCompatibility(SCHEMA_VERSION - 1)).toBe('older-doc');
    expect(schemaCompatibility(SCHEMA_VERSION + 1)).toBe('newer-doc');
    expect(schemaCompatibility(2, 3)).toBe('older-doc');
    expect(schemaCompatibility(4, 3)).toBe('newer-doc');
  });
});
