import type { BoardSnapshot } from '../../shared/model/boardSnapshot.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { VersionedValues } from '../live/VersionedValues.ts';
import { docVersion } from '../live/encodedStates.ts';
import type { Repositories } from '../repositories/Repositories.ts';
import { HttpError } from './httpError.ts';
import type { LiveDocuments } from './httpEnv.ts';
import { withBoardDoc } from './readBoardDoc.ts';

/**
 * The board as the read routes see it (the priority list, the board API's records and rounds):
 * read from the live document when the board is loaded, else decoded from storage, and in both
 * cases kept while the document is unchanged (VersionedValues.ts). Decoding the stored board was
 * the largest part of a priority-list request (docs/performance.md §14). The snapshot is shared:
 * readers must not change it.
 */
export class BoardSnapshots {
  readonly #store: Repositories;
  readonly #kept = new VersionedValues<BoardSnapshot>();

  constructor(store: Repositories) {
    this.#store = store;
  }

  /** 404 for an unknown board, 500 `board-unreadable` for stored data that does not decode (withBoardDoc). */
  async read(live: Pick<LiveDocuments, 'liveDocument'>, boardId: string): Promise<BoardSnapshot> {
    const doc = live.liveDocument(boardId);
    if (doc) return this.#kept.get(boardId, `live ${docVersion(doc)}`, () => readBoard(doc));
    const version = await this.#store.boards.storedVersion(boardId);
    if (version === null) throw new HttpError(404, 'not-found', `There is no board "${boardId}"`);
    return this.#kept.get(boardId, `stored ${version}`, () => withBoardDoc(this.#store, live, boardId, readBoard));
  }
}
