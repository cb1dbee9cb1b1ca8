import type * as Y from 'yjs';
import { recordTypeOf } from './ids.ts';

/**
 * What schema version 6 no longer stores (docs/schema.md, "Schema version and migrations"): every
 * field costs its key, its value and a Yjs header of ~12 bytes, per record, in every copy of the
 * board.
 *
 * - `typeName` and `id` (versions 1–5 wrote both on every record): the record's key `note:<rest>`
 *   holds both, and every reader takes them from the key.
 * - A note's `colour` and `sentiment` when `null`: absent reads as `null`, so `null` is written
 *   by deleting the key. Setting either to `null` deletes it; a concurrent set of a value then
 *   wins over the delete (Yjs deletes only the entry it saw), where before the later writer won.
 */
export const DERIVED_FIELDS = ['typeName', 'id'] as const;
const NOTE_FIELDS_ABSENT_WHEN_NULL = ['colour', 'sentiment'] as const;

/** Fields written by a version-5 (or older) writer that the version-6 layout leaves out. */
export function fieldsToDrop(key: string, fields: Readonly<Record<string, unknown>>): string[] {
  const type = recordTypeOf(key);
  if (!type) return [];
  const drop: string[] = DERIVED_FIELDS.filter((f) => Object.hasOwn(fields, f));
  if (type === 'note')
    for (const f of NOTE_FIELDS_ABSENT_WHEN_NULL) if (Object.hasOwn(fields, f) && fields[f] === null) drop.push(f);
  return drop;
}

/** `fields` in the version-6 layout (a copy; `fields` is not changed). */
export function withoutDroppedFields<T>(key: string, fields: Readonly<Record<string, T>>): Record<string, T> {
  const drop = new Set(fieldsToDrop(key, fields));
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !drop.has(k)));
}

/** A new note's `colour` and `sentiment` as stored: each left out when null. */
export function noteStyleFields(
  colour: string | null,
  sentiment: number | null,
): { colour?: string; sentiment?: number } {
  return { ...(colour !== null ? { colour } : {}), ...(sentiment !== null ? { sentiment } : {}) };
}

/** Writes one field of an existing note; `null` for `colour` or `sentiment` deletes the key. */
export function setNoteField(rec: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === null && (NOTE_FIELDS_ABSENT_WHEN_NULL as readonly string[]).includes(key)) {
    if (rec.has(key)) rec.delete(key);
  } else rec.set(key, value);
}
