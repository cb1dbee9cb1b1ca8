import type { afterLoadDocumentPayload, Connection } from '@hocuspocus/server';
import * as Y from 'yjs';
import { metaMap, recordsMap } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { SCHEMA_VERSION } from '../../shared/migrations/migrate.ts';
import { TooManyRecords } from '../../shared/protocol/closeReasons.ts';
import { DEFAULT_BOARD_TITLE } from '../../shared/protocol/http.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import { isRecordId } from '../../shared/schema/ids.ts';
import {
  DEFAULT_REPAIR_LIMITS,
  onlyDropsDerivedFields,
  recordRepair,
  truncate,
  type RecordRepair,
} from '../../shared/schema/recordRepairs.ts';
import { nestsDeeperThan } from '../../shared/schema/valueDepth.ts';
import { log } from '../observability/log.ts';
import { personOf } from '../access/AccessContext.ts';
import { NoteAuthors } from './noteAuthors.ts';
import { ConfiguredExtension } from './ConfiguredExtension.ts';
import { connectionOrigin } from './connectionOrigin.ts';

export interface RecordGuardConfiguration {
  maxRecords: number;
  maxNoteLength: number;
  maxTitleLength: number;
}

/**
 * How long repairs wait for the rest of a change whose structs Yjs holds as pending (they depend
 * on an update not received yet). Its deletions are applied at once, so a rename reads as a
 * missing title until the rest arrives; repairing it then would write a default that can win
 * over the rename. A change that never completes still gets repaired after this delay.
 */
export const PENDING_REPAIR_DELAY_MS = 10_000;

interface Waiting {
  readonly keys: Set<string>;
  meta: boolean;
  timer: ReturnType<typeof setTimeout>;
}

/** Sent to a connection whose change the server had to repair or undo (stateless message). */
export interface GuardNotice {
  readonly type: 'journeyboard:repaired';
  readonly reason: 'invalid-record' | typeof TooManyRecords.reason;
  readonly message: string;
}

/**
 * Keeps every board valid whatever a client writes. After each transaction that came from a
 * connection (Hocuspocus's origin `{ source: 'connection' }`), it checks what changed:
 * records of unknown type or not a map are deleted; fields of the wrong type, missing fields and
 * oversized text are repaired, and `typeName`/`id` fields (schema ≤ 5; the key holds both since
 * schema 6) are removed (see shared/schema/recordRepairs.ts);
 * meta keeps its boardId, schema version and a title within MAX_TITLE_LENGTH, and loses values
 * nested past MAX_VALUE_DEPTH (shared/schema/valueDepth.ts); records past
 * MAX_RECORDS that this transaction added are removed. The repair is one server transaction, so
 * it is stored and broadcast like any change: every client converges on a valid board.
 *
 * Checking after the fact costs nothing for valid changes (only the touched records are read) and
 * needs no second copy of the document; Hocuspocus v4 merges a turn's updates, so the bad change
 * and its repair usually reach other clients together. Readers are tolerant anyway.
 */
export class RecordGuard extends ConfiguredExtension<RecordGuardConfiguration> {
  extensionName = 'RecordGuard';

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).kind !== 'board') return;
    const authors = new NoteAuthors(recordsMap(document) as unknown as Y.Map<unknown>);
    this.authors.set(document, authors);
    document.on('afterTransaction', (tr: Y.Transaction) => {
      const origin = connectionOrigin(tr);
      if (origin) {
        const notice = this.check(document, documentName, tr);
        if (notice) origin.connection?.sendStateless(JSON.stringify(notice));
      }
      // After any repair: a new note's author is now the right one; the server's own writes are the truth.
      const records = recordsMap(document) as unknown as Y.Map<unknown>;
      for (const key of touchedBy(tr, records, metaMap(document)).keys) authors.learn(key, records.get(key), !origin);
    });
    document.on('destroy', () => this.forget(document));
  }

  private readonly waiting = new WeakMap<Y.Doc, Waiting>();
  private readonly authors = new WeakMap<Y.Doc, NoteAuthors>();

  /** Repairs what `tr` broke; returns a notice for its author, or null when all was valid. */
  check(doc: Y.Doc, boardId: string, tr: Y.Transaction): GuardNotice | null {
    // A transaction that changed nothing (a duplicate update) has nothing to check; it only matters when it finds a change that
    // waited on pending structs complete (the rest arrived in a transaction not from a connection).
    if (tr.changed.size === 0 && (doc.store.pendingStructs !== null || !this.waiting.has(doc))) return null;
    const records = recordsMap(doc) as unknown as Y.Map<unknown>;
    const meta = metaMap(doc);
    const { keys: touched, meta: metaTouched } = touchedBy(tr, records, meta);
    // The record cap counts what this change added, pending or not. Y.Map#size walks the whole
    // map, so it is read only when the change added a record.
    const fresh = [...touched].filter((k) => records.has(k) && isNewIn(tr, records, k));
    const overflow = fresh.length > 0 ? records.size - this.config.maxRecords : 0;
    const added = overflow > 0 ? fresh : [];
    if (doc.store.pendingStructs !== null) {
      this.wait(doc, boardId, touched, metaTouched);
      return this.repair(doc, boardId, new Set(), false, added, overflow, tr);
    }
    const earlier = this.forget(doc);
    earlier?.keys.forEach((k) => touched.add(k));
    return this.repair(doc, boardId, touched, metaTouched || Boolean(earlier?.meta), added, overflow, tr);
  }

  private wait(doc: Y.Doc, boardId: string, keys: ReadonlySet<string>, meta: boolean): void {
    let w = this.waiting.get(doc);
    if (!w) {
      const timer = setTimeout(() => {
        const late = this.forget(doc);
        if (late) this.repair(doc, boardId, late.keys, late.meta, [], 0, null);
      }, PENDING_REPAIR_DELAY_MS);
      timer.unref?.();
      w = { keys: new Set(), meta: false, timer };
      this.waiting.set(doc, w);
    }
    keys.forEach((k) => w.keys.add(k));
    w.meta ||= meta;
  }

  private forget(doc: Y.Doc): Waiting | undefined {
    const w = this.waiting.get(doc);
    if (w) clearTimeout(w.timer);
    this.waiting.delete(doc);
    return w;
  }

  private repair(
    doc: Y.Doc,
    boardId: string,
    touched: ReadonlySet<string>,
    metaTouched: boolean,
    added: readonly string[],
    overflow: number,
    tr: Y.Transaction | null,
  ): GuardNotice | null {
    if (touched.size === 0 && !metaTouched && added.length === 0) return null;
    const records = recordsMap(doc) as unknown as Y.Map<unknown>;
    const meta = metaMap(doc);
    const limits = { ...DEFAULT_REPAIR_LIMITS, maxNoteLength: this.config.maxNoteLength };
    const repairs: [string, RecordRepair][] = [];
    for (const key of touched) {
      if (!records.has(key)) continue;
      const repair = recordRepair(key, records.get(key), limits);
      if (repair.kind !== 'ok') repairs.push([key, repair]);
    }
    const authorFixes = this.authorFixes(doc, records, touched, tr);
    const metaFixes = metaTouched ? this.metaFixes(meta, boardId) : {};
    const metaRemovals = metaTouched ? tooDeepMetaKeys(meta, metaFixes) : [];
    if (
      repairs.length === 0 &&
      added.length === 0 &&
      Object.keys(metaFixes).length === 0 &&
      metaRemovals.length === 0 &&
      authorFixes.length === 0
    )
      return null;

    doc.transact(() => {
      for (const [key, repair] of repairs) applyRepair(records, key, repair);
      for (const [key, fixes] of authorFixes) {
        const record = records.get(key);
        if (record instanceof Y.Map) for (const [field, value] of Object.entries(fixes)) record.set(field, value);
      }
      for (const key of added.slice(-overflow)) records.delete(key);
      for (const [k, v] of Object.entries(metaFixes)) meta.set(k, v);
      for (const k of metaRemovals) meta.delete(k);
    }, ORIGIN.server);
    const what = repairs.map(
      ([k, r]) => `${k}: ${r.kind === 'delete' ? r.why : r.kind === 'fix' ? r.why.join(', ') || 'text' : ''}`,
    );
    log.warn(
      {
        board: boardId,
        conn: (tr?.origin as { connection?: Connection } | null)?.connection?.socketId,
        repairs: [
          ...what,
          ...authorFixes.map(([k]) => `${k}: author`),
          ...[...Object.keys(metaFixes), ...metaRemovals].map((k) => `meta.${k}`),
        ]
          .join('; ')
          .slice(0, 300),
      },
      'repaired a client’s change',
    );
    if (added.length > 0) {
      return {
        type: 'journeyboard:repaired',
        reason: TooManyRecords.reason,
        message: `This board holds at most ${this.config.maxRecords} items; your new ones were removed.`,
      };
    }
    if (authorFixes.length > 0 && repairs.length === 0) {
      return {
        type: 'journeyboard:repaired',
        reason: 'invalid-record',
        message: 'A note keeps the author who wrote it; the server put the author back.',
      };
    }
    // An older client's layout (typeName/id, schema ≤ 5) is tidied silently: nothing its person did was wrong.
    if (
      Object.keys(metaFixes).length === 0 &&
      metaRemovals.length === 0 &&
      repairs.every(([, r]) => onlyDropsDerivedFields(r))
    )
      return null;
    return {
      type: 'journeyboard:repaired',
      reason: 'invalid-record',
      message: 'Part of your last change was invalid and was corrected by the server.',
    };
  }

  /** Notes `tr`'s connection gave someone else's name as author, with the fields that put it right. */
  private authorFixes(
    doc: Y.Doc,
    records: Y.Map<unknown>,
    touched: ReadonlySet<string>,
    tr: Y.Transaction | null,
  ): [string, Record<string, unknown>][] {
    const authors = this.authors.get(doc);
    if (!authors) return [];
    // A change completed later (pending structs) is checked without its connection: known authors still hold.
    const connection = (tr?.origin as { connection?: Connection } | null)?.connection;
    const personId = connection ? (personOf(connection)?.id ?? null) : null;
    const out: [string, Record<string, unknown>][] = [];
    for (const key of touched) {
      const record = records.get(key);
      if (!(record instanceof Y.Map) || !isRecordId('note', key)) continue;
      const fixes = authors.fixes(key, record, personId);
      if (Object.keys(fixes).length > 0) out.push([key, fixes]);
    }
    return out;
  }

  private metaFixes(meta: Y.Map<unknown>, boardId: string): Record<string, unknown> {
    const fixes: Record<string, unknown> = {};
    const title = meta.get('title');
    if (typeof title !== 'string' || title.trim() === '') fixes.title = DEFAULT_BOARD_TITLE;
    else if (title.length > this.config.maxTitleLength) fixes.title = truncate(title, this.config.maxTitleLength);
    if (meta.get('boardId') !== boardId) fixes.boardId = boardId;
    if (meta.get('schemaVersion') !== SCHEMA_VERSION) fixes.schemaVersion = SCHEMA_VERSION;
    if (typeof meta.get('createdAt') !== 'number') fixes.createdAt = 0;
    return fixes;
  }
}

/**
 * Keys of `meta` other than the ones metaFixes rewrites whose value nests past MAX_VALUE_DEPTH:
 * kept, they would make every export of the board fail, so they are removed.
 */
function tooDeepMetaKeys(meta: Y.Map<unknown>, fixes: Readonly<Record<string, unknown>>): string[] {
  const keys: string[] = [];
  meta.forEach((value, key) => {
    if (!Object.hasOwn(fixes, key) && nestsDeeperThan(value)) keys.push(key);
  });
  return keys;
}

/** The record keys and whether meta were changed by `tr` (a type nested in meta counts). */
function touchedBy(
  tr: Y.Transaction,
  records: Y.Map<unknown>,
  meta: Y.Map<unknown>,
): { keys: Set<string>; meta: boolean } {
  const keys = new Set<string>();
  let metaTouched = false;
  const placeOf = placesUnder(records, meta);
  for (const [changed, changedKeys] of tr.changed) {
    const type = changed as unknown as Y.AbstractType<unknown>;
    if (type === records) changedKeys.forEach((k) => k !== null && keys.add(k));
    else if (type === meta) metaTouched = true;
    else {
      const place = placeOf(type);
      if (place?.root === meta) metaTouched = true;
      else if (place) keys.add(place.key);
    }
  }
  return { keys, meta: metaTouched };
}

interface Place {
  readonly root: Y.Map<unknown>;
  readonly key: string;
}

/**
 * Where a changed type lives: the key of `records` (a record, its text, …) or of `meta` above it,
 * or null. Remembers every type it passes, so a change that builds a chain of thousands of
 * nested maps costs one walk up the chain, not one per level.
 */
function placesUnder(records: Y.Map<unknown>, meta: Y.Map<unknown>): (type: Y.AbstractType<unknown>) => Place | null {
  const known = new Map<Y.AbstractType<unknown>, Place | null>();
  return (type) => {
    const passed: Y.AbstractType<unknown>[] = [];
    let place: Place | null = null;
    let t: Y.AbstractType<unknown> = type;
    for (;;) {
      const seen = known.get(t);
      if (seen !== undefined) {
        place = seen;
        break;
      }
      passed.push(t);
      const item = t._item;
      if (!item) break;
      const parent = item.parent as Y.AbstractType<unknown>;
      if ((parent === records || parent === meta) && item.parentSub !== null) {
        place = { root: parent === records ? records : meta, key: item.parentSub };
        break;
      }
      t = parent;
    }
    for (const p of passed) known.set(p, place);
    return place;
  };
}

/** Whether the current value under `key` was written by this transaction (a new record). */
function isNewIn(tr: Y.Transaction, records: Y.Map<unknown>, key: string): boolean {
  const item = records._map.get(key);
  if (!item) return false;
  return item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}

function applyRepair(records: Y.Map<unknown>, key: string, repair: RecordRepair): void {
  if (repair.kind === 'delete') {
    records.delete(key);
    return;
  }
  if (repair.kind !== 'fix') return;
  const record = records.get(key);
  if (!(record instanceof Y.Map)) return;
  for (const [field, value] of Object.entries(repair.set)) record.set(field, value);
  for (const field of repair.remove) record.delete(field);
  const text = record.get('text');
  if (repair.cutTextTo !== null && text instanceof Y.Text && text.length > repair.cutTextTo) {
    text.delete(repair.cutTextTo, text.length - repair.cutTextTo);
  }
}
