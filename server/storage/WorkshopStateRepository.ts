import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { changed } from './rows.ts';
import type { WorkshopStateStore } from './WorkshopStateStore.ts';

export interface WorkshopTables {
  board_workshop: { board_id: string; state: string; updated_at: number };
}

/** The live-workshop state of each board (WorkshopStateStore.ts; table: migrations/0004_workshop.ts). */
export class WorkshopStateRepository implements WorkshopStateStore {
  readonly #database: Database;
  readonly #db: Kysely<WorkshopTables>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<WorkshopTables>();
  }

  async loadWorkshopState(boardId: string): Promise<unknown> {
    const row = await this.#db
      .selectFrom('board_workshop')
      .select('state')
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    return row ? parseJson(row.state) : null;
  }

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

  // Compared as JSON values, not as text: how the row was formatted does not matter.
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
