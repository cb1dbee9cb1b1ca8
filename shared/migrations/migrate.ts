import type * as Y from 'yjs';
import { metaMap, readMeta } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** Throws at start-up if the list is not 1, 2, 3, … with unique names. */
export function validateMigrations(list: readonly Migration[]): number {
  const names = new Set<string>();
  list.forEach((m, i) => {
    if (m.id !== i + 1) throw new Error(`Migration #${i + 1} has id ${m.id}; ids must be 1, 2, 3, … in order`);
    if (names.has(m.name)) throw new Error(`Migration name "${m.name}" is used twice`);
    names.add(m.name);
  });
  return list.length;
}

/** The schema version this code writes: the number of migrations it knows. */
export const SCHEMA_VERSION = validateMigrations(MIGRATIONS);

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/**
 * Runs the migrations the document has not seen, in one transaction. A document from a newer
 * schema is left alone (from > to); the caller decides what that means (the client goes read-only).
 */
export function migrateBoard(doc: Y.Doc, list: readonly Migration[] = MIGRATIONS): MigrationResult {
  const target = validateMigrations(list);
  const from = readMeta(doc).schemaVersion;
  if (from >= target) return { from, to: from, applied: [] };
  const pending = list.slice(from);
  doc.transact(() => {
    for (const m of pending) m.up(doc);
    metaMap(doc).set('schemaVersion', target);
  }, ORIGIN.migration);
  return { from, to: target, applied: pending.map((m) => m.name) };
}

export type SchemaCompatibility = 'same' | 'older-doc' | 'newer-doc';

export function schemaCompatibility(docVersion: number, codeVersion = SCHEMA_VERSION): SchemaCompatibility {
  if (docVersion === codeVersion) return 'same';
  return docVersion < codeVersion ? 'older-doc' : 'newer-doc';
}

/**
 * Whether a client running `codeVersion` must stop editing `doc` (it goes read-only and asks for
 * a reload): only for a newer document, whose layout it does not know (a schema-5 client would
 * write `typeName`, `id` and null colours into a schema-6 board). An older document is fine: the
 * server migrates it on load, and its migrations are idempotent, so what this client wrote meanwhile merges.
 */
export function mustStopEditing(doc: Y.Doc, codeVersion = SCHEMA_VERSION): boolean {
  return schemaCompatibility(readMeta(doc).schemaVersion, codeVersion) === 'newer-doc';
}
