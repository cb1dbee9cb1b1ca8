import * as Y from 'yjs';
import type { RecordId } from '../schema/ids.ts';

/**
 * The only place that names the document's roots. Layout (see docs/schema.md):
 * - `meta`: Y.Map { schemaVersion, boardId, title, createdAt }
 * - `records`: Y.Map<recordId, Y.Map<field, value>>; a note's `text` is a Y.Text.
 */
export type RecordMap = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function recordsMap(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap('records') as Y.Map<RecordMap>;
}

export function getRecord(doc: Y.Doc, id: RecordId): RecordMap | undefined {
  const rec = recordsMap(doc).get(id);
  return rec instanceof Y.Map ? rec : undefined;
}

/** Plain view of a record map's fields (Y.Text values are kept as Y.Text for the readers). */
export function rawFields(rec: RecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  rec.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/**
 * A new record's fields. Never `typeName` or `id`: since schema 6 the record's key holds both
 * (shared/schema/recordLayout.ts), and writing them would cost ~40 bytes a record for nothing.
 */
export type NewRecordFields = Record<string, unknown> & { readonly typeName?: never; readonly id?: never };

/** Builds a record map from plain fields; a string under `text` becomes a Y.Text. */
export function newRecordMap(fields: NewRecordFields): RecordMap {
  const rec = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    // Typed out above; this catches untyped callers (a backup's fields, a spread record).
    if (key === 'typeName' || key === 'id')
      throw new TypeError(`A record does not store "${key}" (schema 6): its key holds it`);
    if (key === 'text' && typeof value === 'string') rec.set(key, new Y.Text(value));
    else rec.set(key, value);
  }
  return rec;
}

export interface BoardMeta {
  readonly schemaVersion: number;
  readonly boardId: string;
  readonly title: string;
  readonly createdAt: number;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const m = metaMap(doc);
  const v = m.get('schemaVersion');
  return {
    // Only a whole number counts: migrateBoard slices the list at it (-1 would run just the last).
    schemaVersion: typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0,
    boardId: String(m.get('boardId') ?? ''),
    title: typeof m.get('title') === 'string' ? (m.get('title') as string) : 'Untitled journey',
    createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0,
  };
}
