import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import { changed } from '../storage/rows.ts';

export interface BoardPeopleTables {
  board_removed_people: { board_id: string; person_id: string; removed_at: number; removed_by: string };
  board_admission: { board_id: string; on_since: number | null };
  board_admitted_people: { board_id: string; person_id: string; admitted_at: number };
  board_lobby: { board_id: string; person_id: string; name: string; since: number; denied: number };
}

export interface LobbyEntry {
  readonly personId: string;
  readonly name: string;
  readonly since: number;
}

/**
 * Per board: who was removed, whether admission is on, who was let in, who waits in the lobby
 * (tables: migrations/0010_boardPeople.ts).
 */
export class BoardPeopleRepository {
  readonly #database: Database;
  readonly #db: Kysely<BoardPeopleTables>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<BoardPeopleTables>();
  }

  /** Records that a facilitator removed the person from the board; idempotent. */
  async removeFromBoard(boardId: string, personId: string, at: number, byPersonId: string): Promise<void> {
    await this.#db
      .insertInto('board_removed_people')
      .values({ board_id: boardId, person_id: personId, removed_at: at, removed_by: byPersonId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async isRemovedFromBoard(boardId: string, personId: string): Promise<boolean> {
    return this.#has('board_removed_people', boardId, personId);
  }

  /** Turns admission on (newcomers wait in the lobby) or off for a board. */
  async setAdmission(boardId: string, on: boolean, at: number): Promise<void> {
    await this.#db
      .insertInto('board_admission')
      .values({ board_id: boardId, on_since: on ? at : null })
      .onConflict((oc) => oc.column('board_id').doUpdateSet((eb) => ({ on_since: eb.ref('excluded.on_since') })))
      .execute();
  }

  async admissionOn(boardId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('board_admission')
      .select('on_since')
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    return row !== undefined && row.on_since !== null;
  }

  /** Lets the person in (and takes them out of the lobby); idempotent. */
  async admit(boardId: string, personIds: readonly string[], at: number): Promise<void> {
    if (personIds.length === 0) return;
    await this.#database.transaction<BoardPeopleTables, void>(async (trx) => {
      await trx
        .insertInto('board_admitted_people')
        .values(personIds.map((id) => ({ board_id: boardId, person_id: id, admitted_at: at })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx.deleteFrom('board_lobby').where('board_id', '=', boardId).where('person_id', 'in', personIds).execute();
    });
  }

  async isAdmitted(boardId: string, personId: string): Promise<boolean> {
    return this.#has('board_admitted_people', boardId, personId);
  }

  /** The person asks to come in, under the name they chose; a second knock updates it. */
  async knock(boardId: string, personId: string, name: string, at: number): Promise<void> {
    await this.#db
      .insertInto('board_lobby')
      .values({ board_id: boardId, person_id: personId, name, since: at, denied: 0 })
      .onConflict((oc) =>
        oc.columns(['board_id', 'person_id']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })),
      )
      .execute();
  }

  /** Who is waiting, oldest first (not those turned away). */
  async lobby(boardId: string): Promise<readonly LobbyEntry[]> {
    const rows = await this.#db
      .selectFrom('board_lobby')
      .select(['person_id', 'name', 'since'])
      .where('board_id', '=', boardId)
      .where('denied', '=', 0)
      .orderBy('since')
      .orderBy('person_id')
      .execute();
    return rows.map((r) => ({ personId: r.person_id, name: r.name, since: Number(r.since) }));
  }

  /** Turns the person away: they keep waiting, unlisted, until a facilitator admits them; false if they were not listed. */
  async leaveLobby(boardId: string, personId: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('board_lobby')
      .set({ denied: 1 })
      .where('board_id', '=', boardId)
      .where('person_id', '=', personId)
      .where('denied', '=', 0)
      .executeTakeFirst();
    return changed(result) > 0;
  }

  async #has(table: 'board_removed_people' | 'board_admitted_people', boardId: string, personId: string) {
    const row = await this.#db
      .selectFrom(table)
      .select('person_id')
      .where('board_id', '=', boardId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
