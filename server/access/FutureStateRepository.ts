import type { NewBoard } from '../storage/BoardStore.ts';
import { PreparedQuery } from '../storage/PreparedQuery.ts';
import { Repository } from '../storage/Repository.ts';

/** A future-state board and the board it is the future of (table: migrations/0016_futureStates.ts). */
export interface FutureStateLink {
  readonly futureBoardId: string;
  readonly currentBoardId: string;
  readonly createdAt: number;
}

/** What `make` did: made the future board, or found the one another request made first. */
export interface FutureStateMade {
  readonly made: boolean;
  readonly link: FutureStateLink;
}

interface FutureStateTables {
  board_future_states: FutureStateLink;
  boards: NewBoard & { updatedAt: number };
}

/** Thrown inside `make`'s transaction to roll the new board back; never leaves it. */
class LinkedAlready extends Error {}

export class FutureStateRepository extends Repository<FutureStateTables> {
  /** Read on every connection to a board (which links open it): compiled once (PreparedQuery.ts). */
  readonly #linkOf = new PreparedQuery(this.db, ['boardId'], (a: { boardId: string }) =>
    this.db
      .selectFrom('board_future_states')
      .selectAll()
      .where((w) => w.or([w('futureBoardId', '=', a.boardId), w('currentBoardId', '=', a.boardId)])),
  );

  /**
   * Stores `future` as the future state of `currentBoardId`, board and link in one transaction.
   * When the current board has a future already (two requests at once: the link's unique current
   * board decides), nothing is stored and the existing link is returned: no board is ever left
   * without a link, where nobody could open it.
   */
  async make(currentBoardId: string, future: NewBoard): Promise<FutureStateMade> {
    const link: FutureStateLink = { futureBoardId: future.id, currentBoardId, createdAt: future.createdAt };
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('boards')
          .values({ ...future, updatedAt: future.createdAt })
          .execute();
        const inserted = await trx
          .insertInto('board_future_states')
          .values(link)
          .onConflict((c) => c.column('currentBoardId').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw new LinkedAlready();
      });
      return { made: true, link };
    } catch (error) {
      if (!(error instanceof LinkedAlready)) throw error;
      const existing = await this.linkOf(currentBoardId);
      if (!existing) throw new Error(`board ${currentBoardId}: a future state was linked, then is gone`);
      return { made: false, link: existing };
    }
  }

  /** The link a board is part of, as the current state or as the future one; null for neither. */
  async linkOf(boardId: string): Promise<FutureStateLink | null> {
    const [link] = await this.#linkOf.execute({ boardId });
    return link ?? null;
  }
}
