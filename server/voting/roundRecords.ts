import * as Y from 'yjs';
import { newRecordMap, rawFields, recordsMap } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { isRecordId, type RoundId } from '../../shared/schema/ids.ts';
import { readRound, type RoundFields } from '../../shared/schema/round.ts';
import type { VotingRepository } from './VotingRepository.ts';

// One writer for round records (validated, one server transaction), shared with the exports' tests.
export { writeRoundRecord } from '../../shared/model/roundRecord.ts';

/** Whether the document holds exactly this result for the round (every field, no extra ones). */
function roundRecordMatches(doc: Y.Doc, roundId: RoundId, result: RoundFields): boolean {
  const rec = recordsMap(doc).get(roundId);
  if (!(rec instanceof Y.Map)) return false;
  const raw = rawFields(rec);
  const expected: Record<string, unknown> = { ...result };
  if (Object.keys(raw).length !== Object.keys(expected).length) return false;
  return (
    Object.entries(expected).every(([k, v]) => JSON.stringify(raw[k]) === JSON.stringify(v)) &&
    readRound(roundId, raw).id === roundId
  );
}

/**
 * Makes the document's `round:` records agree with the database, the source of truth: each
 * revealed round is present exactly as revealed. With `touched` (the keys a client just created,
 * changed or deleted), a touched `round:` key the database does not know as revealed is removed
 * (a forgery). Without it (on load), records the database does not know are left alone: a board
 * restored from a backup keeps its results even though its voting rows did not travel with it.
 * Returns the keys it rewrote or removed.
 */
export async function reconcileRoundRecords(
  store: VotingRepository,
  boardId: string,
  doc: Y.Doc,
  touched?: ReadonlySet<string>,
): Promise<string[]> {
  const revealed = new Map((await store.listRevealed(boardId)).map((r) => [r.id as string, r.result]));
  const records = recordsMap(doc);
  const keys = touched ? [...touched] : [...revealed.keys()];
  const fixes: [string, RoundFields | null][] = [];
  for (const key of keys) {
    const result = revealed.get(key) ?? null;
    if (result && isRecordId('round', key)) {
      if (!roundRecordMatches(doc, key, result)) fixes.push([key, result]);
    } else if (touched && records.has(key)) fixes.push([key, null]);
  }
  if (fixes.length === 0) return [];
  doc.transact(() => {
    for (const [key, result] of fixes) {
      if (result) records.set(key, newRecordMap({ ...result }));
      else records.delete(key);
    }
  }, ORIGIN.server);
  return fixes.map(([k]) => k);
}
