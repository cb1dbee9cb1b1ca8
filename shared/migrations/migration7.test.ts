import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { readBoard } from '../model/snapshot.ts';
import { createTestBoard } from '../testing/board.ts';
import { migrateBoard, mustStopEditing } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

/** A board as the schema-6 code left it: the same content without channels, `schemaVersion` 6. */
function schema6Board(): Y.Doc {
  const doc = createTestBoard('ecommerce').doc;
  doc.transact(() => {
    for (const id of [...recordsMap(doc).keys()]) if (id.startsWith('channel:')) recordsMap(doc).delete(id);
    for (const rec of recordsMap(doc).values()) rec.delete('channel');
    metaMap(doc).set('schemaVersion', 6);
  }, ORIGIN.migration);
  return doc;
}

/** The migrations up to 7: this file tests 7 alone. */
const UP_TO_7 = MIGRATIONS.slice(0, 7);

describe('migration 7: connectors between notes', () => {
  it('is additive: a schema-6 board gets only its version bumped and shows the same board', () => {
    const doc = schema6Board();
    const before = readBoard(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(migrateBoard(doc, UP_TO_7)).toEqual({ from: 6, to: 7, applied: [MIGRATIONS[6]!.name] });
    expect(readMeta(doc).schemaVersion).toBe(7);
    expect({ ...readBoard(doc), meta: null }).toEqual({ ...before, meta: null });
    expect(readBoard(doc).connectors).toEqual([]);
    // One update, whose only new content is the version: records untouched.
    expect(updates).toHaveLength(1);
    const { structs } = Y.decodeUpdate(updates[0]!);
    expect(structs.map((s) => (s as Y.Item).content.getContent())).toEqual([[7]]);
    expect(migrateBoard(doc, UP_TO_7).applied).toEqual([]);
  });

  it('a schema-6 client stops editing a schema-7 board (it would not show, or delete, connectors)', () => {
    const doc = createTestBoard().doc;
    doc.transact(() => metaMap(doc).set('schemaVersion', 7), ORIGIN.migration);
    expect(mustStopEditing(doc, 6)).toBe(true);
    expect(mustStopEditing(doc, 7)).toBe(false);
  });
});
