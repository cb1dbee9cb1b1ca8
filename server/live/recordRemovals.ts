import * as Y from 'yjs';
import { newRecordMap, rawFields, recordsMap, type RecordMap } from '../../shared/doc/boardDoc.ts';

/**
 * The keys of the records an update would delete from `doc`, read before it is applied: the
 * entries of the `records` map whose live item is in the update's delete set. A V1 update ends
 * with its delete set, and an empty one is the single byte 0, so an update that deletes nothing
 * (typing, adding a note) is passed over without being decoded; one that deletes (a drag
 * overwrites a field) is decoded and each deleted range looked up in the document's struct store,
 * a binary search per range, whatever the size of the board.
 */
export function recordsRemovedBy(doc: Y.Doc, update: Uint8Array): string[] {
  if (update.length === 0 || update[update.length - 1] === 0) return [];
  let ds: ReturnType<typeof Y.decodeUpdate>['ds'];
  try {
    ds = Y.decodeUpdate(update).ds;
  } catch {
    return []; // UpdateValidation refuses it
  }
  const records = recordsMap(doc);
  const live = (records as unknown as { _map: Map<string, Y.Item> })._map;
  const keys: string[] = [];
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs || structs.length === 0) continue;
    const first = structs[0]!.id.clock;
    const last = structs[structs.length - 1]!;
    const known = last.id.clock + last.length;
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      if (end <= first || clock >= known) continue;
      for (
        let i = Y.findIndexSS(structs, Math.max(clock, first));
        i < structs.length && structs[i]!.id.clock < end;
        i++
      ) {
        const struct = structs[i];
        if (!(struct instanceof Y.Item) || struct.parent !== records) continue;
        const key = struct.parentSub;
        if (key !== null && !struct.deleted && live.get(key) === struct) keys.push(key);
      }
    }
  }
  return keys;
}

/** A record's fields as plain values (text as a string), to put it back later. */
export function recordFields(rec: RecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawFields(rec)))
    out[key] = value instanceof Y.AbstractType ? (value instanceof Y.Text ? value.toString() : value.toJSON()) : value;
  return out;
}

/**
 * The board as it was before a run of removals: `state` (the document before the last removal)
 * with the records removed earlier in the run written back. A checkpoint holds content, and a
 * restore writes content, so records written back under their old keys restore like the originals.
 */
export function boardBefore(state: Uint8Array, removedEarlier: ReadonlyMap<string, Record<string, unknown>>): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  if (removedEarlier.size > 0) {
    doc.transact(() => {
      const records = recordsMap(doc);
      for (const [key, fields] of removedEarlier) {
        if (records.has(key)) continue;
        const { typeName: _t, id: _i, ...rest } = fields;
        records.set(key, newRecordMap(rest));
      }
    });
  }
  return doc;
}
