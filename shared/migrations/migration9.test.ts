import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { metaMap, readMeta } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { readBoard } from '../model/snapshot.ts';
import { createTestBoard } from '../testing/board.ts';
import { migrateBoard, mustStopEditing } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

/** A board as the schema-8 code left it: `schemaVersion` 8, no marked path. */
function schema8Board(): Y.Doc {
  const doc = createTestBoard('ecommerce').doc;
  doc.transact(() => metaMap(doc).set('schemaVersion', 8), ORIGIN.migration);
  return doc;
}

describe('migration 9: the happy path', () => {
  it('is additive: a schema-8 board gets only its version bumped and shows the same board, no path marked', () => {
    const doc = schema8Board();
    const before = readBoard(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(migrateBoard(doc)).toEqual({ from: 8, to: 9, applied: [MIGRATIONS[8]!.name] });
    expect({ ...readBoard(doc), meta: null }).toEqual({ ...before, meta: null });
    expect(readBoard(doc).happyPath).toBeNull();
    expect(updates).toHaveLength(1);
    expect(migrateBoard(doc).applied).toEqual([]);
  });

  it('a schema-8 client stops editing a schema-9 board (it would not show the marked path, nor keep it in a template)', () => {
    const doc = createTestBoard().doc;
    expect(readMeta(doc).schemaVersion).toBe(9);
    expect(mustStopEditing(doc, 8)).toBe(true);
    expect(mustStopEditing(doc, 9)).toBe(false);
  });
});
