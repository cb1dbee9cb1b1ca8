import { PreparedQuery } from '../storage/PreparedQuery.ts';
import { Repository } from '../storage/Repository.ts';
import { changed } from '../storage/rows.ts';

/** The tables as the camelCase query builder names them (migrations/0010_boardPeople.ts). */
interface BoardPeopleTables {
  board_removed_people: { boardId: string; personId: string; removedAt: number; removedBy: string };
  board_admission: { boardId: string; onSince: number | null };
  board_admitted_people: { boardId: string; personId: string; admittedAt: number };
  board_lobby: { boardId: string; personId: string; name: string; since: number; denied: number };
}

interface BoardAndPerson {
  readonly boardId: string;
  readonly personId: string;
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
export class BoardPeopleRepository extends Repository<BoardPeopleTables> {
  /** The checks every connection makes: compiled once (PreparedQuery.ts). */
  readonly #isRemoved = this.#has('board_removed_people');
  readonly #isAdmitted = this.#has('board_admitted_people');
  readonly #admission = new PreparedQuery(this.db, ['boardId'], (a: { boardId: string }) =>
    this.db.selectFrom('board_admission').select('onSince').where('boardId', '=', a.boardId),
  );

  #has(table: 'board_removed_people' | 'board_admitted_people') {
    return new PreparedQuery(this.db, ['boardId', 'personId'], (a: BoardAndPerson) =>
      this.db.selectFrom(table).select('personId').where('boardId', '=', a.boardId).where('personId', '=', a.personId),
    );
  }

  /** Records that a facilitator removed the person from the board; idempotent. */
  async removeFromBoard(boardId: string, personId: string, at: number, byPersonId: string): Promise<void> {
    await this.db
      .insertInto('board_removed_people')
      .values({ boardId, personId, removedAt: at, removedBy: byPersonId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async isRemovedFromBoard(boardId: string, personId: string): Promise<boolean> {
    return (await this.#isRemoved.execute({ boardId, personId })).length > 0;
  }

  /** Turns admission on (newcomers wait in the lobby) or off for a board. */
  async setAdmission(boardId: string, on: boolean, at: number): Promise<void> {
    await this.db
      .insertInto('board_admission')
      .values({ boardId, onSince: on ? at : null })
      .onConflict((oc) => oc.column('boardId').doUpdateSet((eb) => ({ onSince: eb.ref('excluded.onSince') })))
      .execute();
  }

  async admissionOn(boardId: string): Promise<boolean> {
    const [row] = await this.#admission.execute({ boardId });
    return row !== undefined && row.onSince !== null;
  }

  /** Lets the person in (and takes them out of the lobby); idempotent. */
  async admit(boardId: string, personIds: readonly string[], at: number): Promise<void> {
    if (personIds.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('board_admitted_people')
        .values(personIds.map((personId) => ({ boardId, personId, admittedAt: at })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx.deleteFrom('board_lobby').where('boardId', '=', boardId).where('personId', 'in', personIds).execute();
    });
  }

  async isAdmitted(boardId: string, personId: string): Promise<boolean> {
    return (await this.#isAdmitted.execute({ boardId, personId })).length > 0;
  }

  /** The person asks to come in, under the name they chose; a second knock updates it. */
  async knock(boardId: string, personId: string, name: string, at: number): Promise<void> {
    await this.db
      .insertInto('board_lobby')
      .values({ boardId, personId, name, since: at, denied: 0 })
      .onConflict((oc) => oc.columns(['boardId', 'personId']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
  }

  /** Who is waiting, oldest first (not those turned away). */
  async lobby(boardId: string): Promise<readonly LobbyEntry[]> {
    return this.db
      .selectFrom('board_lobby')
      .select(['personId', 'name', 'since'])
      .where('boardId', '=', boardId)
      .where('denied', '=', 0)
      .orderBy('since')
      .orderBy('personId')
      .execute();
  }

  /** Turns the person away: they keep waiting, unlisted, until a facilitator admits them; false if they were not listed. */
  async leaveLobby(boardId: string, personId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('board_lobby')
      .set({ denied: 1 })
      .where('boardId', '=', boardId)
      .where('personId', '=', personId)
      .where('denied', '=', 0)
      .executeTakeFirst();
    return changed(result) > 0;
  }
}
