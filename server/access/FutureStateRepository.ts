import { PreparedQuery } from '../storage/PreparedQuery.ts';
import { Repository } from '../storage/Repository.ts';

/** A future-state board and the board it is the future of (table: migrations/0016_futureStates.ts). */
export interface FutureStateLink {
  readonly futureBoardId: string;
  readonly currentBoardId: string;
  readonly createdAt: number;
}

interface FutureStateTables {
  board_future_states: FutureStateLink;
}

export class FutureStateRepository extends Repository<FutureStateTables> {
  /** Read on every connection to a board (which links open it): compiled once (PreparedQuery.ts). */
  readonly #linkOf = new PreparedQuery(this.db, ['boardId'], (a: { boardId: string }) =>
    this.db
      .selectFrom('board_future_states')
      .selectAll()
      .where((w) => w.or([w('futureBoardId', '=', a.boardId), w('currentBoardId', '=', a.boardId)])),
  );

  /** Records the link; false when the current board has a future state already (the first one stays). */
  async link(link: FutureStateLink): Promise<boolean> {
    const result = await this.db
      .insertInto('board_future_states')
      .values(link)
      .onConflict((c) => c.column('currentBoardId').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The link a board is part of, as the current state or as the future one; null for neither. */
  async linkOf(boardId: string): Promise<FutureStateLink | null> {
    const [link] = await this.#linkOf.execute({ boardId });
    return link ?? null;
  }
}
