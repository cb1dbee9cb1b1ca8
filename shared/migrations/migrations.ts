import * as Y from 'yjs';
import { metaMap, newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { defaultChannelRecords } from '../schema/channel.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';

/**
 * Append-only. A migration's id is its position (1-based); never edit or remove a shipped one,
 * and never add a down-migration (a written decision: old clients go read-only instead).
 * Each `up` must be idempotent: it may meet a document that already has its change, e.g. one
 * written by a newer client before the server migrated it.
 */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly up: (doc: Y.Doc) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'initial layout: meta and records roots',
    up(doc) {
      const meta = metaMap(doc);
      if (typeof meta.get('title') !== 'string') meta.set('title', 'Untitled journey');
      if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', Date.now());
      recordsMap(doc);
    },
  },
  {
    id: 2,
    // Additive: `persona:` records and `persona:<id>` tag keys on notes. Nothing to rewrite, but
    // the version bump makes an older client (which would not show personas) go read-only.
    name: 'personas and persona tags on notes',
    up() {},
  },
  {
    id: 3,
    // Additive: `actionStatus`, `actionOwner` and `actionDue` keys on notes turned into actions.
    name: 'actions on notes',
    up() {},
  },
  {
    id: 4,
    // Additive: `round:` records, the revealed results of dot-voting rounds (server-written).
    name: 'revealed voting rounds',
    up() {},
  },
  {
    id: 5,
    // Additive: `kpi:` records, one per stage and metric (value, target, unit, trend as keys).
    name: 'stage KPIs',
    up() {},
  },
  {
    id: 6,
    // Smaller records (shared/schema/recordLayout.ts): `typeName` and `id` are no longer stored
    // (the key holds both), nor a note's `colour` or `sentiment` when null (absent reads as null).
    // Deletes only: a field someone sets concurrently survives (Yjs deletes the entry it saw).
    // Records of unknown types (a newer schema's) are left alone.
    name: 'smaller records: no typeName, id or null note colour and sentiment',
    up(doc) {
      recordsMap(doc).forEach((rec, key) => {
        if (!(rec instanceof Y.Map)) return;
        const fields: Record<string, unknown> = {};
        for (const f of ['typeName', 'id', 'colour', 'sentiment']) if (rec.has(f)) fields[f] = rec.get(f);
        for (const f of fieldsToDrop(key, fields)) rec.delete(f);
      });
    },
  },
  {
    id: 7,
    // Additive: `connector:` records (from, to, kind, label, share), arrows between notes. The
    // version bump makes a version-6 client, which would not show them (and whose deletes of a
    // note would leave its arrows behind), go read-only instead of editing blind.
    name: 'connectors between notes',
    up() {},
  },
  {
    id: 8,
    // `channel:` records (the board's list: web, phone, store…) and a `channel` key on notes.
    // Every board gets the default list, under fixed ids, so that two servers migrating one
    // board at once write the same records.
    name: 'channels',
    up(doc) {
      const records = recordsMap(doc);
      for (const [id, fields] of defaultChannelRecords()) if (!records.has(id)) records.set(id, newRecordMap(fields));
    },
  },
  {
    id: 9,
    // A `path:happy` record (the steps of the path the team marked as the happy path). Additive:
    // no board has one yet. The bump makes a schema-8 client stop editing, which would neither
    // show the marked path nor keep it when it saves a template.
    name: 'happy path',
    up() {},
  },
];
