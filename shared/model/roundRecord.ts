import type * as Y from 'yjs';
import { newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { isRecordId, type RoundId } from '../schema/ids.ts';
import { roundFieldsSchema, type RoundFields } from '../schema/round.ts';

/**
 * Writes a revealed round's record as the server does at reveal: one server-origin transaction,
 * every field validated by `roundFieldsSchema` first (throws, writing nothing, on a bad field).
 * For the voting feature's reveal and for tests of what reads rounds (exports).
 */
export function writeRoundRecord(doc: Y.Doc, id: RoundId, fields: RoundFields): void {
  if (!isRecordId('round', id)) throw new RangeError(`Not a round id: ${String(id)}`);
  const parsed = roundFieldsSchema.parse(fields);
  doc.transact(() => {
    recordsMap(doc).set(id, newRecordMap({ ...parsed }));
  }, ORIGIN.server);
}
