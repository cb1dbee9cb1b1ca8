import * as Y from 'yjs';
import { metaMap, recordsMap, type RecordMap } from '../doc/boardDoc.ts';
import { ORIGIN, type Origin } from '../doc/origins.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';
import { nestsDeeperThan } from '../schema/valueDepth.ts';
import { applyTextDiff } from './textDiff.ts';

export interface RestoreSummary {
  /** Records the checkpoint has that were gone, recreated. */
  readonly recreated: number;
  /** Records added since the checkpoint, deleted. */
  readonly removed: number;
  /** Records present in both whose fields were set back. */
  readonly changed: number;
  readonly titleChanged: boolean;
}

/**
 * Makes `doc` hold what `checkpoint` holds, as ONE new change (a transaction with `origin`), never
 * by replacing the document. So people connected while it happens merge: an edit they make
 * concurrently (one the restoring side has not seen yet) survives, because only the records and
 * fields the restoring side knows about are touched.
 *
 * - Fields are set to the checkpoint's values; note text goes through `applyTextDiff` so a
 *   colleague typing into the same note keeps their characters.
 * - Records the checkpoint lacks are deleted; records it has that are gone are recreated with the
 *   same id (a fresh Y.Map with the checkpoint's fields).
 * - Meta: only the title is restored; boardId, createdAt and schemaVersion stay as they are.
 *
 * `checkpoint` is a decoded checkpoint (a Y.Doc built from its stored state); it is only read.
 */
export function restoreBoardContent(doc: Y.Doc, checkpoint: Y.Doc, origin: Origin = ORIGIN.server): RestoreSummary {
  let recreated = 0;
  let removed = 0;
  let changed = 0;
  let titleChanged = false;
  doc.transact(() => {
    const title = metaMap(checkpoint).get('title');
    if (typeof title === 'string' && metaMap(doc).get('title') !== title) {
      metaMap(doc).set('title', title);
      titleChanged = true;
    }

    const current = recordsMap(doc);
    const target = recordsMap(checkpoint);
    for (const id of [...current.keys()]) {
      if (!target.has(id)) {
        current.delete(id);
        removed++;
      }
    }
    target.forEach((wanted, id) => {
      if (!(wanted instanceof Y.Map)) return;
      const rec = current.get(id);
      const fields = wantedFields(id, wanted);
      if (!(rec instanceof Y.Map)) {
        current.set(id, cloneRecord(fields));
        recreated++;
      } else if (setFields(rec, fields)) {
        changed++;
      }
    });
  }, origin);
  return { recreated, removed, changed, titleChanged };
}

/**
 * The checkpoint record's fields in today's layout: a checkpoint taken before schema 6 holds
 * `typeName`, `id` and null note colours and sentiments, which a version-6 board does not store
 * (the server migrates a checkpoint before restoring it; this keeps any other caller right too).
 */
function wantedFields(id: string, wanted: RecordMap): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  // A value nested past the limit (a checkpoint taken before the server removed such values) is
  // left out: copying it would overflow the stack, and the record guard would remove it anyway.
  wanted.forEach((value, key) => {
    if (!nestsDeeperThan(value)) fields.set(key, value);
  });
  for (const key of fieldsToDrop(id, Object.fromEntries(fields))) fields.delete(key);
  return fields;
}

/** Sets `rec`'s fields to `wanted`'s; true if anything changed. */
function setFields(rec: RecordMap, wanted: ReadonlyMap<string, unknown>): boolean {
  let changed = false;
  for (const key of [...rec.keys()]) {
    if (!wanted.has(key)) {
      rec.delete(key);
      changed = true;
    }
  }
  wanted.forEach((value, key) => {
    const now = rec.get(key);
    if (value instanceof Y.Text) {
      const text = value.toString();
      if (now instanceof Y.Text) {
        if (now.toString() !== text) {
          applyTextDiff(now, text);
          changed = true;
        }
      } else {
        rec.set(key, new Y.Text(text));
        changed = true;
      }
    } else if (value instanceof Y.AbstractType) {
      // No record field is a nested Y type other than text today; copy its JSON form.
      rec.set(key, value.toJSON());
      changed = true;
    } else if (!sameJson(now, value)) {
      rec.set(key, value);
      changed = true;
    }
  });
  return changed;
}

/** A fresh record map holding `source`'s fields in today's layout (for another document). */
export function copyRecord(id: string, source: RecordMap): RecordMap {
  return cloneRecord(wantedFields(id, source));
}

function cloneRecord(source: ReadonlyMap<string, unknown>): RecordMap {
  const rec = new Y.Map<unknown>();
  source.forEach((value, key) => {
    if (value instanceof Y.Text) rec.set(key, new Y.Text(value.toString()));
    else if (value instanceof Y.AbstractType) rec.set(key, value.toJSON());
    else rec.set(key, value);
  });
  return rec;
}

/** Structural equality of plain JSON values (what record fields hold besides Y.Text). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
