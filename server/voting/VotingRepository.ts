import { type Department, departmentSchema } from '../../shared/schema/department.ts';
import type { NoteId, RoundId } from '../../shared/schema/ids.ts';
import { type RoundFields, roundFieldsSchema } from '../../shared/schema/round.ts';
import { type RoundSettings, roundSettingsSchema } from '../../shared/protocol/voting.ts';
import { changed } from '../storage/rows.ts';
import { Repository } from '../storage/Repository.ts';

/** The tables as the camelCase query builder names them (migrations/0005_voting.ts). */
interface VotingTables {
  voting_rounds: Omit<StoredRound, 'id' | 'status' | 'settings' | 'openedBy' | 'result'> & {
    id: string;
    status: string;
    settings: string;
    openedById: string;
    openedByName: string;
    result: string | null;
  };
  voting_ballots: Omit<StoredBallot, 'roundId' | 'department' | 'dots'> & {
    roundId: string;
    department: string;
    dots: string;
  };
}

type RoundStatus = 'open' | 'revealed' | 'cancelled';

export interface NewRound {
  readonly id: RoundId;
  readonly boardId: string;
  readonly settings: RoundSettings;
  readonly openedAt: number;
  readonly openedBy: { readonly id: string; readonly name: string };
  readonly endsAt: number | null;
}

export interface StoredRound extends NewRound {
  readonly status: RoundStatus;
  readonly closedAt: number | null;
  /** The record written into the document at reveal; null unless revealed. */
  readonly result: RoundFields | null;
}

export type RoundClosing =
  | { readonly status: 'revealed'; readonly at: number; readonly result: RoundFields }
  | { readonly status: 'cancelled'; readonly at: number };

export interface BallotWrite {
  readonly roundId: RoundId;
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  /** Dots per note; notes with 0 are absent. */
  readonly dots: Readonly<Record<NoteId, number>>;
  readonly updatedAt: number;
}

export interface StoredBallot extends BallotWrite {
  /** Bumped by every write (compare-and-set). */
  readonly version: number;
}

/**
 * Where voting rounds and their secret ballots live (tables: migrations/0005_voting.ts; docs/api.md,
 * "Voting"): `voting_rounds`, at most one `open` per board (a unique partial index), and
 * `voting_ballots`, one row per round and person. The database is the source of truth: ballots
 * never enter the board document, and a revealed round's record in the document is rewritten from
 * `result` if anyone changes it. On PostgreSQL a ballot write holds its round's row FOR SHARE until
 * it commits, so a reveal (FOR UPDATE) waits for it and counts it, and one that comes after the
 * reveal finds the round closed.
 */
export class VotingRepository extends Repository<VotingTables> {
  /** Stores a new open round. Resolves false (stores nothing) if the board already has one open. */
  async openRound(r: NewRound): Promise<boolean> {
    const result = await this.db
      .insertInto('voting_rounds')
      .values({
        id: r.id,
        boardId: r.boardId,
        status: 'open',
        settings: JSON.stringify(r.settings),
        openedAt: r.openedAt,
        openedById: r.openedBy.id,
        openedByName: r.openedBy.name,
        endsAt: r.endsAt,
        closedAt: null,
        result: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return changed(result) === 1;
  }

  async getOpenRound(boardId: string): Promise<StoredRound | null> {
    const row = await this.#rounds().where('boardId', '=', boardId).where('status', '=', 'open').executeTakeFirst();
    return row ? readRoundRow(row) : null;
  }

  async getRound(boardId: string, roundId: RoundId): Promise<StoredRound | null> {
    const row = await this.#rounds().where('boardId', '=', boardId).where('id', '=', roundId).executeTakeFirst();
    return row ? readRoundRow(row) : null;
  }

  /** The board's revealed rounds, oldest first. */
  async listRevealed(boardId: string): Promise<StoredRound[]> {
    const rows = await this.#rounds()
      .where('boardId', '=', boardId)
      .where('status', '=', 'revealed')
      .orderBy('closedAt')
      .orderBy('id')
      .execute();
    return rows.map(readRoundRow);
  }

  /** Every open round with a time limit, on every board (to schedule the reveals after a restart). */
  async listTimedOpenRounds(): Promise<StoredRound[]> {
    const rows = await this.#rounds()
      .where('status', '=', 'open')
      .where('endsAt', 'is not', null)
      .orderBy('endsAt')
      .execute();
    return rows.map(readRoundRow);
  }

  /**
   * Closes an open round (revealed with its result, or cancelled). Compare-and-set: resolves false
   * if it was not open any more (another request or server instance closed it first).
   */
  async closeRound(boardId: string, roundId: RoundId, close: RoundClosing): Promise<boolean> {
    const result = await this.db
      .updateTable('voting_rounds')
      .set({
        status: close.status,
        closedAt: close.at,
        result: close.status === 'revealed' ? JSON.stringify(close.result) : null,
      })
      .where('boardId', '=', boardId)
      .where('id', '=', roundId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /**
   * Reveals an open round atomically: reads its ballots, `count`s them into the result and
   * closes the round with it, while no ballot can be written (several instances: a ballot write
   * on another instance either lands before and is counted, or after and is refused). Resolves
   * the result, or null (nothing written) if the round was not open any more.
   */
  async revealRound(
    boardId: string,
    roundId: RoundId,
    at: number,
    count: (ballots: StoredBallot[]) => RoundFields,
  ): Promise<RoundFields | null> {
    return this.db.transaction().execute(async (trx): Promise<RoundFields | null> => {
      const open = await this.database
        .lock(
          trx
            .selectFrom('voting_rounds')
            .select('id')
            .where('boardId', '=', boardId)
            .where('id', '=', roundId)
            .where('status', '=', 'open'),
          'update',
        )
        .executeTakeFirst();
      if (!open) return null;
      // A new statement, a new snapshot: it sees every ballot write that held the lock before us.
      const rows = await trx
        .selectFrom('voting_ballots')
        .selectAll()
        .where('roundId', '=', roundId)
        .orderBy('personId')
        .execute();
      const result = count(rows.map(readBallotRow));
      await trx
        .updateTable('voting_rounds')
        .set({ status: 'revealed', closedAt: at, result: JSON.stringify(result) })
        .where('id', '=', roundId)
        .execute();
      return result;
    });
  }

  async getBallots(roundId: RoundId): Promise<StoredBallot[]> {
    const rows = await this.db
      .selectFrom('voting_ballots')
      .selectAll()
      .where('roundId', '=', roundId)
      .orderBy('personId')
      .execute();
    return rows.map(readBallotRow);
  }

  async getBallot(roundId: RoundId, personId: string): Promise<StoredBallot | null> {
    const row = await this.db
      .selectFrom('voting_ballots')
      .selectAll()
      .where('roundId', '=', roundId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    return row ? readBallotRow(row) : null;
  }

  /** Deletes a person's ballot while the round is open (a removed person's dots stop counting); false if none. */
  async deleteBallot(roundId: RoundId, personId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('voting_ballots')
      .where('roundId', '=', roundId)
      .where('personId', '=', personId)
      .where((eb) => eb.exists(this.#openRound(roundId, 'none')))
      .executeTakeFirst();
    return changed(result) > 0;
  }

  /**
   * Writes a ballot if nobody changed it since it was read (compare-and-set on `version`):
   * `expectedVersion` 0 inserts a new row. Resolves false when the row changed meanwhile or the
   * round is no longer open; the caller reads again and retries.
   */
  async saveBallot(b: BallotWrite, expectedVersion: number): Promise<boolean> {
    const dots = JSON.stringify(nonZero(b.dots));
    const result =
      expectedVersion === 0
        ? await this.db
            .insertInto('voting_ballots')
            .columns(['roundId', 'personId', 'name', 'department', 'dots', 'version', 'updatedAt'])
            .expression(
              this.#openRound(b.roundId, 'share').select((eb) => [
                eb.val(b.personId).as('personId'),
                eb.val(b.name).as('name'),
                eb.val(b.department).as('department'),
                eb.val(dots).as('dots'),
                eb.lit(1).as('version'),
                eb.val(b.updatedAt).as('updatedAt'),
              ]),
            )
            .onConflict((oc) => oc.columns(['roundId', 'personId']).doNothing())
            .executeTakeFirst()
        : await this.db
            .updateTable('voting_ballots')
            .set((eb) => ({
              name: b.name,
              department: b.department,
              dots,
              version: eb('version', '+', 1),
              updatedAt: b.updatedAt,
            }))
            .where('roundId', '=', b.roundId)
            .where('personId', '=', b.personId)
            .where('version', '=', expectedVersion)
            .where((eb) => eb.exists(this.#openRound(b.roundId, 'share')))
            .executeTakeFirst();
    return changed(result) === 1;
  }

  #rounds() {
    return this.db.selectFrom('voting_rounds').selectAll();
  }

  /** The round's row if it is open, selecting its id (as roundId); `share`: held until the write commits. */
  #openRound(roundId: RoundId, lock: 'share' | 'none') {
    const query = this.db
      .selectFrom('voting_rounds')
      .select('id as roundId')
      .where('id', '=', roundId)
      .where('status', '=', 'open');
    return lock === 'share' ? this.database.lock(query, 'share') : query;
  }
}

function nonZero(dots: Readonly<Record<NoteId, number>>): Record<NoteId, number> {
  return Object.fromEntries(Object.entries(dots).filter(([, n]) => n > 0)) as Record<NoteId, number>;
}

/**
 * Rows into typed values. Settings, results and dots are JSON text, validated on read: a row that
 * does not parse is a bug or tampering, and fails loudly rather than counting wrong votes.
 */
function readRoundRow(row: VotingTables['voting_rounds']): StoredRound {
  const { openedById, openedByName, ...round } = row;
  return {
    ...round,
    id: row.id as RoundId,
    status: row.status as RoundStatus,
    settings: roundSettingsSchema.parse(JSON.parse(row.settings)),
    openedBy: { id: openedById, name: openedByName },
    result: row.result === null ? null : roundFieldsSchema.parse(JSON.parse(row.result)),
  };
}

function readBallotRow(row: VotingTables['voting_ballots']): StoredBallot {
  const dots = Object.entries(JSON.parse(row.dots) as Record<string, unknown>).filter(
    (e): e is [NoteId, number] => typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] > 0,
  );
  return {
    ...row,
    roundId: row.roundId as RoundId,
    department: departmentSchema.catch('other').parse(row.department),
    dots: Object.fromEntries(dots) as Record<NoteId, number>,
  };
}
