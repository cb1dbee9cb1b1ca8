import { Repository } from './Repository.ts';
import { changed } from './rows.ts';

interface WorkshopTables {
  board_workshop: { boardId: string; state: string; updatedAt: number };
}

/**
 * The live-workshop state of each board (timer, lock, hidden cursors; shared/protocol/workshop.ts),
 * one JSON row per board beside the board (table: migrations/0004_workshop.ts), so it survives a
 * restart and never sits in the board document (which editors can write).
 */
export class WorkshopStateRepository extends Repository<WorkshopTables> {
  /** The stored state as parsed JSON (read it tolerantly), or null if the board has none. */
  async loadWorkshopState(boardId: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('board_workshop')
      .select('state')
      .where('boardId', '=', boardId)
      .executeTakeFirst();
    return row ? parseJson(row.state) : null;
  }

  /** Inserts or replaces the board's state; durable when it resolves. Fails if the board does not exist. */
  async saveWorkshopState(boardId: string, state: unknown, at: number): Promise<void> {
    await this.db
      .insertInto('board_workshop')
      .values({ boardId, state: JSON.stringify(state), updatedAt: at })
      .onConflict((oc) =>
        oc.column('boardId').doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }

  /**
   * Compare-and-set, for several instances: writes `state` only if the stored state still equals
   * `expected` (as loadWorkshopState returned it; null = no row yet), compared as JSON values, not
   * as text. Resolves false, writing nothing, if another writer came first.
   */
  async replaceWorkshopState(boardId: string, expected: unknown, state: unknown, at: number): Promise<boolean> {
    const row = { boardId, state: JSON.stringify(state), updatedAt: at };
    const result =
      expected === null
        ? await this.db
            .insertInto('board_workshop')
            .values(row)
            .onConflict((oc) => oc.column('boardId').doNothing())
            .executeTakeFirst()
        : await this.db
            .updateTable('board_workshop')
            .set({ state: row.state, updatedAt: at })
            .where('boardId', '=', boardId)
            .where(this.database.sameJson('state', expected))
            .executeTakeFirst();
    return changed(result) === 1;
  }
}

/** A row that is not JSON reads as "no state" (the default), never as an error. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
