import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { changed } from './rows.ts';

export interface WorkshopTables {
  board_workshop: { board_id: string; state: string; updated_at: number };
}

/**
 * The live-workshop state of each board (timer, lock, hidden cursors; shared/protocol/workshop.ts),
 * one JSON row per board beside the board (table: migrations/0004_workshop.ts), so it survives a
 * restart and never sits in the board document (which editors can write).
 */
export class WorkshopStateRepository {
  readonly #database: Database;
  readonly #db: Kysely<WorkshopTables>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<WorkshopTables>();
  }

  /** The stored state as parsed JSON (read it tolerantly), or null if the board has none. */
  async loadWorkshopState(boardId: string): Promise<unknown> {
    const row = await this.#db
      .selectFrom('board_workshop')
      .select('state')
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    return row ? parseJson(row.state) : null;
  }

  /** Inserts or replaces the board's state; durable when it resolves. Fails if the board does not exist. */
  async saveWorkshopState(boardId: string, state: unknown, at: number): Promise<void> {
    await this.#db
      .insertInto('board_workshop')
      .values({ board_id: boardId, state: JSON.stringify(state), updated_at: at })
      .onConflict((oc) =>
        oc.column('board_id').doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          updated_at: eb.ref('excluded.updated_at'),
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
    const row = { board_id: boardId, state: JSON.stringify(state), updated_at: at };
    const result =
      expected === null
        ? await this.#db
            .insertInto('board_workshop')
            .values(row)
            .onConflict((oc) => oc.column('board_id').doNothing())
            .executeTakeFirst()
        : await this.#db
            .updateTable('board_workshop')
            .set({ state: row.state, updated_at: at })
            .where('board_id', '=', boardId)
            .where(this.#database.sameJson('state', expected))
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
