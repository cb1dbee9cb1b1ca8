import * as Y from 'yjs';
import { z } from 'zod';
import { metaMap, newRecordMap, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { SCHEMA_VERSION } from '../migrations/migrate.ts';
import { isRecordId, recordTypeOf } from '../schema/ids.ts';
import { LIMITS } from '../schema/limits.ts';
import { withoutDroppedFields } from '../schema/recordLayout.ts';
import { DEFAULT_REPAIR_LIMITS, recordRepair, type RepairLimits } from '../schema/recordRepairs.ts';
import { MAX_VALUE_DEPTH, nestsDeeperThan } from '../schema/valueDepth.ts';

/**
 * A board backup: readable, versioned JSON that re-imports to an identical board (same records,
 * same field values, same note texts, positions, personas, rounds and action fields). Field by
 * field in docs/api.md ("Board backup JSON, version 1").
 *
 * Why JSON of records rather than the Yjs update (base64): a person or a script can read, diff
 * and check it, and importing it goes through the same validation as any write. The Yjs history
 * (who typed what when) is not kept; the imported board starts its own.
 */
const BACKUP_FORMAT = 'journeyboard.board';
const BACKUP_VERSION = 1;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface BoardBackup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  /** The board document's `meta.schemaVersion`. */
  readonly schemaVersion: number;
  readonly board: { readonly id: string; readonly title: string; readonly createdAt: number };
  /** Every `meta` key except `boardId` and `schemaVersion` (title, createdAt, and any newer ones). */
  readonly meta: Readonly<Record<string, JsonValue>>;
  /** Every record by id, each a plain object of its fields; a note's `text` is its plain string. */
  readonly records: Readonly<Record<string, Readonly<Record<string, JsonValue>>>>;
  /** False when this server could not read the board's comments (then `comments` is null). */
  readonly commentsIncluded: boolean;
  /** The comments document's export (the comments feature's own format), or null. */
  readonly comments: unknown;
}

// A value nested past MAX_VALUE_DEPTH is left out of the export: the server's repairs remove
// such values as they arrive, but a board stored before they did (or restored from such a
// checkpoint) must still export, and JSON.stringify would run out of stack on it.
const exportable = (value: unknown): boolean => !nestsDeeperThan(value);

function plain(value: unknown): JsonValue {
  if (value instanceof Y.Text) return value.toString();
  if (value instanceof Y.AbstractType) return value.toJSON() as JsonValue;
  if (value === undefined) return null;
  return value as JsonValue;
}

const sortedKeys = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]!]),
  );

export function exportBoardBackup(
  doc: Y.Doc,
  options: { readonly exportedAt: string; readonly comments: unknown; readonly commentsIncluded: boolean },
): BoardBackup {
  const meta = readMeta(doc);
  const otherMeta: Record<string, JsonValue> = {};
  metaMap(doc).forEach((value, key) => {
    if (key !== 'boardId' && key !== 'schemaVersion' && exportable(value)) otherMeta[key] = plain(value);
  });
  const records: Record<string, Record<string, JsonValue>> = {};
  recordsMap(doc).forEach((rec, id) => {
    if (!(rec instanceof Y.Map)) return;
    const fields: Record<string, JsonValue> = {};
    rec.forEach((value, key) => {
      if (exportable(value)) fields[key] = plain(value);
    });
    records[id] = sortedKeys(fields);
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: options.exportedAt,
    schemaVersion: meta.schemaVersion,
    board: { id: meta.boardId, title: meta.title, createdAt: meta.createdAt },
    meta: sortedKeys(otherMeta),
    records: sortedKeys(records),
    commentsIncluded: options.commentsIncluded,
    comments: options.commentsIncluded ? (options.comments ?? null) : null,
  };
}

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

/** The envelope; each record's fields are then checked by the schema's own repair rules. */
export const boardBackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `this is not a Journeyboard board backup (expected "${BACKUP_FORMAT}")` }),
  version: z.literal(BACKUP_VERSION, { error: `only version ${BACKUP_VERSION} backups can be imported` }),
  exportedAt: z.string().max(64).optional(),
  schemaVersion: z
    .number()
    .int()
    .min(0)
    .max(SCHEMA_VERSION, {
      error: `the board was saved by a newer Journeyboard (this server reads up to schema ${SCHEMA_VERSION})`,
    }),
  board: z.object({
    id: z.string().max(64).optional(),
    title: z.string().trim().min(1).max(LIMITS.titleLength),
    createdAt: z.number().finite().min(0),
  }),
  meta: z.record(z.string().max(64), jsonValue).default({}),
  records: z.record(z.string().max(128), z.record(z.string().max(128), jsonValue)),
  commentsIncluded: z.boolean().default(false),
  comments: z.unknown().optional(),
});

export type BackupCheck =
  | { readonly ok: true; readonly backup: z.output<typeof boardBackupSchema> }
  | { readonly ok: false; readonly message: string };

export interface BackupLimits extends RepairLimits {
  readonly maxRecords: number;
}

const DEFAULT_BACKUP_LIMITS: BackupLimits = { ...DEFAULT_REPAIR_LIMITS, maxRecords: 10_000 };

/**
 * Checks a parsed backup file. Strict: the first problem is reported, naming where it is
 * (`records["note:…"].position: …`), and nothing is written. A record passes only if the
 * server's repair rules would leave it exactly as it is.
 */
export function checkBoardBackup(data: unknown, limits: BackupLimits = DEFAULT_BACKUP_LIMITS): BackupCheck {
  // Before the schema: zod, like JSON.stringify, runs out of stack on a value a few thousand levels deep.
  const deep = tooDeepPath(data);
  if (deep) return { ok: false, message: `${pathText(deep)}: nested deeper than ${MAX_VALUE_DEPTH} levels` };
  const parsed = boardBackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `${pathText(issue.path)}: ${issue.message}` };
  }
  const backup = parsed.data;
  const ids = Object.keys(backup.records);
  if (ids.length > limits.maxRecords)
    return {
      ok: false,
      message: `records: ${ids.length} records, more than this server's limit of ${limits.maxRecords}`,
    };
  const scratch = new Y.Doc();
  try {
    for (const id of ids) {
      const fields = backup.records[id]!;
      const type = recordTypeOf(id);
      if (!type || !isRecordId(type, id))
        return {
          ok: false,
          message: `records[${JSON.stringify(id)}]: not a record id this server knows (stage:, lane:, note:, persona:, round:, kpi:, connector:, channel:, path:)`,
        };
      // Backups of schema ≤ 5 carry `typeName` and `id`; they must agree with the key, and are
      // left out on import (recordLayout.ts), as are a note's null colour and sentiment.
      if (fields.typeName !== undefined && fields.typeName !== type)
        return { ok: false, message: `records[${JSON.stringify(id)}].typeName: expected "${type}"` };
      if (fields.id !== undefined && fields.id !== id)
        return { ok: false, message: `records[${JSON.stringify(id)}].id: must equal the record's key` };
      if (type === 'note' && typeof fields.text !== 'string')
        return { ok: false, message: `records[${JSON.stringify(id)}].text: a note's text is a string` };
      const rec = recordMapOf(id, fields);
      recordsMap(scratch).set(id, rec);
      const repair = recordRepair(id, rec, limits);
      if (repair.kind === 'delete') return { ok: false, message: `records[${JSON.stringify(id)}]: ${repair.why}` };
      if (repair.kind === 'fix') {
        const what = repair.cutTextTo !== null ? [...repair.why, 'text (too long)'] : repair.why;
        return { ok: false, message: `records[${JSON.stringify(id)}]: invalid ${what.join(', ')}` };
      }
    }
  } finally {
    scratch.destroy();
  }
  const stages = ids.filter((id) => id.startsWith('stage:')).length;
  const lanes = ids.filter((id) => id.startsWith('lane:')).length;
  if (stages === 0 || lanes === 0)
    return { ok: false, message: 'records: a board needs at least one stage and one lane' };
  return { ok: true, backup };
}

/** `records["note:…"].position`, or `file` for the whole file. */
function pathText(path: readonly PropertyKey[]): string {
  const text = path
    .map((p) =>
      typeof p === 'number'
        ? `[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(p))
          ? `.${String(p)}`
          : `[${JSON.stringify(String(p))}]`,
    )
    .join('')
    .replace(/^\./, '');
  return text || 'file';
}

/**
 * Where a backup file nests past the limit: a record field or `meta` value deeper than
 * MAX_VALUE_DEPTH (the path names that field), any other part of the file (comments, unknown
 * keys) more than MAX_VALUE_DEPTH below its top-level key; or null.
 */
function tooDeepPath(data: unknown): PropertyKey[] | null {
  if (!isObject(data)) return null;
  for (const [top, value] of Object.entries(data)) {
    if (top === 'meta' && isObject(value)) {
      for (const [key, v] of Object.entries(value)) if (nestsDeeperThan(v)) return ['meta', key];
    } else if (top === 'records' && isObject(value)) {
      for (const [id, rec] of Object.entries(value)) {
        if (!isObject(rec)) continue;
        for (const [field, v] of Object.entries(rec)) if (nestsDeeperThan(v)) return ['records', id, field];
      }
    } else if (nestsDeeperThan(value)) return [top];
  }
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record's map in today's layout (any backup's `typeName`, `id` and null note colour or
 * sentiment left out): only a note's `text` becomes a Y.Text; every other field is a plain value.
 */
function recordMapOf(id: string, fields: Readonly<Record<string, JsonValue>>): Y.Map<unknown> {
  const kept = withoutDroppedFields(id, fields);
  if (id.startsWith('note:')) return newRecordMap(kept);
  const rec = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(kept)) rec.set(key, value);
  return rec;
}

/**
 * Writes a checked backup into an empty document as board `boardId`, in one server transaction.
 * The board keeps its title, creation time, records and schema version (the server migrates an
 * older one when it first loads it, as for any stored board). Records are written in today's
 * layout whatever the backup's version (recordMapOf), so a version-5 backup's records already
 * look as migration 6 would leave them.
 */
export function importBoardBackup(
  backup: z.output<typeof boardBackupSchema>,
  boardId: string,
  doc: Y.Doc = new Y.Doc(),
): Y.Doc {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(backup.meta)) meta.set(key, value);
    meta.set('schemaVersion', backup.schemaVersion);
    meta.set('boardId', boardId);
    meta.set('title', backup.board.title);
    meta.set('createdAt', backup.board.createdAt);
    const records = recordsMap(doc);
    for (const [id, fields] of Object.entries(backup.records)) {
      records.set(id, recordMapOf(id, fields));
    }
  }, ORIGIN.server);
  return doc;
}
