import * as Y from 'yjs';
import { metaMap, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { recordTypeOf, type RecordType } from '../schema/ids.ts';
import { copyRecord } from './restore.ts';

/**
 * What a future-state board takes from its current state: the journey's structure and its notes
 * and arrows. Revealed voting rounds stay behind (they were the current state's decisions), and so
 * do records of types this version does not know.
 */
const COPIED: ReadonlySet<RecordType> = new Set(['stage', 'lane', 'persona', 'channel', 'kpi', 'note', 'connector']);

export interface FutureStateInput {
  readonly boardId: string;
  readonly title: string;
  readonly now: number;
}

/** The title a future-state board gets unless someone names it: "<current> (future state)", within 120. */
export function futureStateTitle(currentTitle: string): string {
  const suffix = ' (future state)';
  return `${currentTitle.slice(0, 120 - suffix.length).trimEnd()}${suffix}`;
}

/**
 * Writes the future state of `current` into the empty document `future`, in one server transaction.
 *
 * Every copied record keeps its id: a note id found on both boards is the same note, before and
 * after, and that is how the compare view (compareStates) matches them. A note made on the future
 * board gets a fresh random id, so it can only be "added"; one deleted there is "removed". Ids are
 * only unique within a board, so nothing is confused by the same id on two boards.
 */
export function writeFutureState(current: Y.Doc, future: Y.Doc, input: FutureStateInput): void {
  const source = recordsMap(current);
  future.transact(() => {
    const meta = metaMap(future);
    meta.set('schemaVersion', readMeta(current).schemaVersion);
    meta.set('boardId', input.boardId);
    meta.set('title', input.title);
    meta.set('createdAt', input.now);
    const records = recordsMap(future);
    source.forEach((rec, id) => {
      const type = recordTypeOf(id);
      if (type && COPIED.has(type) && rec instanceof Y.Map) records.set(id, copyRecord(id, rec));
    });
  }, ORIGIN.server);
}
