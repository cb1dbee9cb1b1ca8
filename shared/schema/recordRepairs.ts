import * as Y from 'yjs';
import { ACTION_TIME_KEYS, isIssueUrl } from './action.ts';
import { DEPARTMENTS } from './department.ts';
import { isRecordId, recordTypeOf, type RecordType } from './ids.ts';
import { readLane } from './lane.ts';
import { LIMITS } from './limits.ts';
import { readNote } from './note.ts';
import { readPersona } from './persona.ts';
import { ROUND_DEFAULTS, roundFieldsSchema } from './round.ts';
import { CHANNEL_LIMITS, channelIconSchema, readChannel } from './channel.ts';
import { CONNECTOR_LIMITS, connectorKindSchema, connectorShareSchema } from './connector.ts';
import { KPI_DEFAULTS, kpiFieldsSchema, kpiMetricSchema, KPI_LIMITS } from './kpi.ts';
import { isValidMirrorField } from './kpiSeries.ts';
import { NOTE_KINDS, SENTIMENT_MAX, SENTIMENT_MIN } from './noteKind.ts';
import { HAPPY_PATH_ID, isStoredPathSteps, PATH_LIMITS, readPath } from './path.ts';
import { readStage } from './stage.ts';
import { DERIVED_FIELDS } from './recordLayout.ts';
import { nestsDeeperThan } from './valueDepth.ts';

/** Lengths the server enforces; defaults are the model's own LIMITS. */
export interface RepairLimits {
  readonly maxNoteLength: number;
  readonly maxNameLength: number;
  readonly maxDescriptionLength: number;
  readonly maxAuthorNameLength: number;
  /** Fractional indexes and ids stay short; a megabyte "index" is an attack, not an order. */
  readonly maxShortStringLength: number;
}

export const DEFAULT_REPAIR_LIMITS: RepairLimits = {
  maxNoteLength: LIMITS.noteTextLength,
  maxNameLength: LIMITS.nameLength,
  maxDescriptionLength: LIMITS.descriptionLength,
  maxAuthorNameLength: LIMITS.authorNameLength,
  maxShortStringLength: 128,
};

/**
 * How to bring one stored record back to the schema (strict on write, for writes that did not go
 * through the commands: a broken or hostile client). `delete` for a value that is no record at
 * all (not a Y.Map, an unknown type, a malformed key); otherwise the fields to overwrite, each with
 * the value a tolerant reader would have shown, the fields to remove, and a length to cut the note
 * text to. Unknown extra fields are kept (tolerant), within the document size cap and nested at
 * most MAX_VALUE_DEPTH levels (shared/schema/valueDepth.ts).
 *
 * Schema 6 (shared/schema/recordLayout.ts): `typeName` and `id` are removed wherever a client
 * writes them (an older client's offline edits, a script following the version-5 docs), whatever
 * their value, so one layout exists and boards stay small; they are never added. A note's
 * `colour` or `sentiment` may be absent or null (both read as null); an invalid one is removed.
 */
export type RecordRepair =
  | { readonly kind: 'ok' }
  | { readonly kind: 'delete'; readonly why: string }
  | {
      readonly kind: 'fix';
      readonly set: Readonly<Record<string, unknown>>;
      readonly remove: readonly string[];
      readonly cutTextTo: number | null;
      readonly why: string[];
    };

/** A repair that only removes `typeName`/`id` (an older writer's layout, not a mistake worth a notice). */
export function onlyDropsDerivedFields(repair: RecordRepair): boolean {
  return (
    repair.kind === 'fix' &&
    repair.cutTextTo === null &&
    repair.why.every((f) => (DERIVED_FIELDS as readonly string[]).includes(f))
  );
}

/** A `fix` value meaning "remove the field" (it then reads as its default). */
const REMOVE = Symbol('remove');

const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

export function recordRepair(key: string, value: unknown, limits: RepairLimits = DEFAULT_REPAIR_LIMITS): RecordRepair {
  const type = recordTypeOf(key);
  if (!type || !isRecordId(type, key) || key.length > limits.maxShortStringLength)
    return { kind: 'delete', why: `unknown record key ${JSON.stringify(key.slice(0, 40))}` };
  if (!(value instanceof Y.Map)) return { kind: 'delete', why: `${key} is not a map` };
  const raw: Record<string, unknown> = {};
  value.forEach((v, k) => (raw[k] = v));
  if (type === 'connector') {
    const broken = brokenConnectorEnds(raw, limits.maxShortStringLength);
    if (broken) return { kind: 'delete', why: `${key}: ${broken}` };
  }
  if (type === 'path') {
    // Schema 9 knows one marked path; a path without a single connector id is no path.
    if (key !== HAPPY_PATH_ID) return { kind: 'delete', why: `${key}: the only marked path is ${HAPPY_PATH_ID}` };
    if (readPath(key, raw).connectorIds.length === 0) return { kind: 'delete', why: `${key}: no steps` };
  }
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const why: string[] = [];
  const fix = (field: string, ok: boolean, repaired: unknown) => {
    if (ok) return;
    if (repaired === REMOVE) remove.push(field);
    else set[field] = repaired;
    why.push(field);
  };
  for (const f of DERIVED_FIELDS) fix(f, !Object.hasOwn(raw, f), REMOVE);
  // A value nested past MAX_VALUE_DEPTH is read as absent: a known field then gets its default,
  // an unknown one is removed (kept, it would make every export of the board fail).
  const tooDeep = Object.keys(raw).filter((f) => nestsDeeperThan(raw[f]));
  for (const f of tooDeep) delete raw[f];
  let cutTextTo: number | null = null;
  checkFields(type, key, raw, limits, fix, (n) => (cutTextTo = n));
  for (const f of tooDeep) if (!why.includes(f)) fix(f, false, REMOVE);
  return why.length === 0 && cutTextTo === null ? { kind: 'ok' } : { kind: 'fix', set, remove, cutTextTo, why };
}

/** Repairs `field` when not `ok`: sets `repaired`, or removes the field when it is `REMOVE`. */
type Fix = (field: string, ok: boolean, repaired: unknown) => void;

function checkFields(
  type: RecordType,
  key: string,
  raw: Record<string, unknown>,
  l: RepairLimits,
  fix: Fix,
  cutText: (n: number) => void,
): void {
  const short = l.maxShortStringLength;
  if (type === 'stage') {
    const read = readStage(key as never, raw);
    fix(
      'name',
      isShortString(raw.name, l.maxNameLength) && raw.name.trim() !== '',
      truncate(read.name, l.maxNameLength) || 'Untitled stage',
    );
    fix('index', isShortString(raw.index, short), truncate(read.index, short));
    fix(
      'description',
      isShortString(raw.description, l.maxDescriptionLength),
      truncate(read.description, l.maxDescriptionLength),
    );
    return;
  }
  if (type === 'lane') {
    const read = readLane(key as never, raw);
    fix(
      'name',
      isShortString(raw.name, l.maxNameLength) && raw.name.trim() !== '',
      truncate(read.name, l.maxNameLength) || 'Untitled lane',
    );
    fix('kind', (NOTE_KINDS as readonly unknown[]).includes(raw.kind), read.kind);
    fix('index', isShortString(raw.index, short), truncate(read.index, short));
    return;
  }
  if (type === 'round') {
    // Written whole by the server at reveal; a malformed field reads as empty (server/voting
    // rewrites a tampered round from its database, which is the source of truth).
    for (const [field, schema] of Object.entries(roundFieldsSchema.shape)) {
      if (!schema.safeParse(raw[field]).success)
        fix(field, false, ROUND_DEFAULTS[field as keyof typeof ROUND_DEFAULTS]);
    }
    return;
  }
  if (type === 'kpi') {
    // Each field is checked alone: a bad target must not cost a good value.
    fix('stageId', isRecordId('stage', raw.stageId) && isShortString(raw.stageId, short), 'stage:missing');
    fix(
      'metric',
      kpiMetricSchema.safeParse(raw.metric).success && isShortString(raw.metric, KPI_LIMITS.metricLength),
      KPI_DEFAULTS.metric,
    );
    for (const [field, schema] of Object.entries(kpiFieldsSchema.shape)) {
      if (!schema.safeParse(raw[field]).success)
        fix(
          field,
          false,
          field === 'unit' && typeof raw.unit === 'string'
            ? truncate(raw.unit.trim(), KPI_LIMITS.unitLength)
            : KPI_DEFAULTS[field as keyof typeof KPI_DEFAULTS],
        );
    }
    // The series mirror (kpiSeries.ts): a malformed one is removed and reads as "no series".
    for (const field of ['measuredAt', 'recent'] as const) fix(field, isValidMirrorField(field, raw[field]), REMOVE);
    return;
  }
  if (type === 'connector') {
    // Its ends were checked first (a connector without two notes is removed, not repaired).
    fix('kind', connectorKindSchema.safeParse(raw.kind).success, 'next-step');
    fix(
      'label',
      raw.label === undefined || isShortString(raw.label, CONNECTOR_LIMITS.labelLength),
      typeof raw.label === 'string' ? truncate(raw.label, CONNECTOR_LIMITS.labelLength) : REMOVE,
    );
    fix('share', raw.share === undefined || connectorShareSchema.safeParse(raw.share).success, REMOVE);
    return;
  }
  if (type === 'path') {
    // A step that is no connector id is dropped; one whose connector is gone stays (readers cut
    // the path there, as they do when the connector is removed after the path was marked).
    const steps = Array.isArray(raw.connectors) ? (raw.connectors as unknown[]) : [];
    fix(
      'connectors',
      isStoredPathSteps(raw.connectors, short),
      steps.filter((c) => isRecordId('connector', c) && c.length <= short).slice(0, PATH_LIMITS.maxSteps),
    );
    return;
  }
  if (type === 'channel') {
    const read = readChannel(key as never, raw);
    fix(
      'name',
      isShortString(raw.name, CHANNEL_LIMITS.nameLength) && raw.name.trim() !== '',
      truncate(read.name, CHANNEL_LIMITS.nameLength),
    );
    fix('icon', channelIconSchema.safeParse(raw.icon).success, read.icon);
    fix('index', isShortString(raw.index, short), truncate(read.index, short));
    return;
  }
  if (type === 'persona') {
    const read = readPersona(key as never, raw);
    fix(
      'name',
      isShortString(raw.name, l.maxNameLength) && raw.name.trim() !== '',
      truncate(read.name, l.maxNameLength) || 'Unnamed persona',
    );
    fix('role', isShortString(raw.role, LIMITS.personaRoleLength), truncate(read.role, LIMITS.personaRoleLength));
    for (const f of ['goals', 'needs', 'frustrations'] as const)
      fix(f, isShortString(raw[f], LIMITS.personaTextLength), truncate(read[f], LIMITS.personaTextLength));
    fix('quote', isShortString(raw.quote, LIMITS.personaQuoteLength), truncate(read.quote, LIMITS.personaQuoteLength));
    fix('colour', typeof raw.colour === 'string' && /^#[0-9a-f]{6}$/i.test(raw.colour), read.colour);
    fix('index', isShortString(raw.index, short), truncate(read.index, short));
    return;
  }
  const read = readNote(key as never, raw);
  const p = raw.position as Record<string, unknown> | null | undefined;
  const positionOk =
    typeof p === 'object' &&
    p !== null &&
    !Array.isArray(p) &&
    !(p instanceof Y.AbstractType) &&
    isRecordId('stage', p.stageId) &&
    isShortString(p.stageId, short) &&
    isRecordId('lane', p.laneId) &&
    isShortString(p.laneId, short) &&
    isShortString(p.index, short);
  fix('position', positionOk, {
    stageId: read.position.stageId,
    laneId: read.position.laneId,
    index: truncate(read.position.index, short),
  });
  fix('kind', (NOTE_KINDS as readonly unknown[]).includes(raw.kind), read.kind);
  if (!(raw.text instanceof Y.Text)) fix('text', false, new Y.Text(truncate(read.text, l.maxNoteLength)));
  else if (raw.text.length > l.maxNoteLength) cutText(l.maxNoteLength);
  // Absent and null both read as null (absent is what Journeyboard writes); anything else invalid reads as null too.
  fix(
    'colour',
    raw.colour === undefined ||
      raw.colour === null ||
      (typeof raw.colour === 'string' && /^#[0-9a-f]{6}$/i.test(raw.colour)),
    REMOVE,
  );
  fix(
    'sentiment',
    raw.sentiment === undefined ||
      raw.sentiment === null ||
      (Number.isInteger(raw.sentiment) &&
        (raw.sentiment as number) >= SENTIMENT_MIN &&
        (raw.sentiment as number) <= SENTIMENT_MAX),
    REMOVE,
  );
  fix('department', (DEPARTMENTS as readonly unknown[]).includes(raw.department), read.department);
  // A channel that does not exist (removed concurrently) is a dangling reference readers ignore;
  // anything that is no channel id at all is removed.
  fix(
    'channel',
    raw.channel === undefined || (isRecordId('channel', raw.channel) && isShortString(raw.channel, short)),
    REMOVE,
  );
  fix('authorId', isShortString(raw.authorId, short), truncate(read.authorId, short));
  fix(
    'authorName',
    isShortString(raw.authorName, l.maxAuthorNameLength),
    truncate(read.authorName, l.maxAuthorNameLength),
  );
  fix('createdAt', isTime(raw.createdAt), read.createdAt);
  fix('updatedAt', isTime(raw.updatedAt), read.updatedAt);
  if (raw.actionStatus !== undefined) {
    fix('actionStatus', read.action !== null, 'open');
    fix(
      'actionOwner',
      raw.actionOwner === undefined || isShortString(raw.actionOwner, l.maxNameLength),
      truncate(String(read.action?.owner ?? ''), l.maxNameLength),
    );
    fix(
      'actionDue',
      raw.actionDue === undefined ||
        raw.actionDue === null ||
        (typeof raw.actionDue === 'string' && read.action?.due === raw.actionDue),
      null,
    );
    for (const key of Object.values(ACTION_TIME_KEYS)) fix(key, raw[key] === undefined || isTime(raw[key]), REMOVE);
  }
  fix('actionIssueUrl', raw.actionIssueUrl === undefined || isIssueUrl(raw.actionIssueUrl), REMOVE);
}

/**
 * Why a connector's ends make it no connector at all (a missing or malformed note id, or the same
 * note at both ends), or null. An end naming a note that does not exist is fine: that is an
 * orphan, which a concurrent delete makes and which is kept for repair.
 */
function brokenConnectorEnds(raw: Record<string, unknown>, maxIdLength: number): string | null {
  for (const end of ['from', 'to'] as const)
    if (!isRecordId('note', raw[end]) || !isShortString(raw[end], maxIdLength)) return `${end} is not a note id`;
  return raw.from === raw.to ? 'a connector from a note to itself' : null;
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, cut);
}
