import type pg from 'pg';
import type { RoundId } from '../../shared/schema/ids.ts';
import type { RoundFields } from '../../shared/schema/round.ts';
import { nonZero } from './SqliteVotingStore.ts';
import type {
  BallotWrite,
  NewRound,
  RoundClosing,
  StoredBallot,
  StoredRound,
  VotingDump,
  VotingStore,
} from './VotingStore.ts';
import { readBallotRow, readRoundRow } from './votingRows.ts';

/** The same tables as SQLite (SqliteVotingStore.ts), in the store's schema. */
export const POSTGRES_VOTING_SCHEMA = `
CREATE TABLE IF NOT EXISTS voting_rounds (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'cancelled')),
  settings TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  opened_by_id TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  ends_at BIGINT,
  closed_at BIGINT,
  result TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS voting_rounds_one_open ON voting_rounds (board_id) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS voting_rounds_by_board ON voting_rounds (board_id, opened_at);
CREATE TABLE IF NOT EXISTS voting_ballots (
  round_id TEXT NOT NULL REFERENCES voting_rounds(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  dots TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (round_id, person_id)
);
`;

const ROUND_COLUMNS =
  'id, board_id, status, settings, opened_at, opened_by_id, opened_by_name, ends_at, closed_at, result';
const BALLOT_COLUMNS = 'round_id, person_id, name, department, dots, version, updated_at';
// FOR SHARE: a ballot write holds the round row until it commits, so revealRound (FOR UPDATE)
// waits for it and counts it; one that comes after the reveal finds the round closed.
const OPEN = `EXISTS (SELECT 1 FROM voting_rounds WHERE id = $1 AND status = 'open' FOR SHARE)`;

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, 'query'>;

/** VotingStore on PostgreSQL, sharing PostgresBoardStore's pool (its search_path names the schema). */
export class PostgresVotingStore implements VotingStore {
  private readonly pool: pg.Pool;

  /** Creates the tables if missing (PostgresBoardStore.open calls this after its own schema). */
  static async createTables(pool: pg.Pool | pg.PoolClient): Promise<void> {
    await pool.query(POSTGRES_VOTING_SCHEMA);
  }

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async openRound(r: NewRound): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO voting_rounds (${ROUND_COLUMNS}) VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, NULL, NULL) ON CONFLICT DO NOTHING`,
      [r.id, r.boardId, JSON.stringify(r.settings), r.openedAt, r.openedBy.id, r.openedBy.name, r.endsAt],
    );
    return rowCount === 1;
  }

  async getOpenRound(boardId: string): Promise<StoredRound | null> {
    return this.round(`SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = $1 AND status = 'open'`, [boardId]);
  }

  async getRound(boardId: string, roundId: RoundId): Promise<StoredRound | null> {
    return this.round(`SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = $1 AND id = $2`, [boardId, roundId]);
  }

  async listRevealed(boardId: string): Promise<StoredRound[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = $1 AND status = 'revealed' ORDER BY closed_at, id`,
      [boardId],
    );
    return rows.map(readRoundRow);
  }

  async listTimedOpenRounds(): Promise<StoredRound[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE status = 'open' AND ends_at IS NOT NULL ORDER BY ends_at`,
    );
    return rows.map(readRoundRow);
  }

  async closeRound(boardId: string, roundId: RoundId, close: RoundClosing): Promise<boolean> {
    const result = close.status === 'revealed' ? JSON.stringify(close.result) : null;
    const { rowCount } = await this.pool.query(
      `UPDATE voting_rounds SET status = $1, closed_at = $2, result = $3 WHERE board_id = $4 AND id = $5 AND status = 'open'`,
      [close.status, close.at, result, boardId, roundId],
    );
    return rowCount === 1;
  }

  async revealRound(
    boardId: string,
    roundId: RoundId,
    at: number,
    count: (ballots: StoredBallot[]) => RoundFields,
  ): Promise<RoundFields | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query(
        `SELECT 1 FROM voting_rounds WHERE board_id = $1 AND id = $2 AND status = 'open' FOR UPDATE`,
        [boardId, roundId],
      );
      if (locked.rowCount !== 1) {
        await client.query('ROLLBACK');
        return null;
      }
      // A new statement, a new snapshot: it sees every ballot write that held the lock before us.
      const { rows } = await client.query<Row>(
        `SELECT ${BALLOT_COLUMNS} FROM voting_ballots WHERE round_id = $1 ORDER BY person_id`,
        [roundId],
      );
      const result = count(rows.map(readBallotRow));
      await client.query(`UPDATE voting_rounds SET status = 'revealed', closed_at = $1, result = $2 WHERE id = $3`, [
        at,
        JSON.stringify(result),
        roundId,
      ]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async getBallots(roundId: RoundId): Promise<StoredBallot[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${BALLOT_COLUMNS} FROM voting_ballots WHERE round_id = $1 ORDER BY person_id`,
      [roundId],
    );
    return rows.map(readBallotRow);
  }

  async deleteBallot(roundId: RoundId, personId: string): Promise<boolean> {
    const deleted = await this.pool.query(
      `DELETE FROM voting_ballots WHERE round_id = $1 AND person_id = $2 AND EXISTS (SELECT 1 FROM voting_rounds WHERE id = $1 AND status = 'open')`,
      [roundId, personId],
    );
    return (deleted.rowCount ?? 0) > 0;
  }

  async getBallot(roundId: RoundId, personId: string): Promise<StoredBallot | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${BALLOT_COLUMNS} FROM voting_ballots WHERE round_id = $1 AND person_id = $2`,
      [roundId, personId],
    );
    return rows[0] ? readBallotRow(rows[0]) : null;
  }

  async saveBallot(b: BallotWrite, expectedVersion: number): Promise<boolean> {
    const dots = JSON.stringify(nonZero(b.dots));
    const { rowCount } =
      expectedVersion === 0
        ? await this.pool.query(
            `INSERT INTO voting_ballots (${BALLOT_COLUMNS}) SELECT $1, $2, $3, $4, $5, 1, $6 WHERE ${OPEN}
             ON CONFLICT (round_id, person_id) DO NOTHING`,
            [b.roundId, b.personId, b.name, b.department, dots, b.updatedAt],
          )
        : await this.pool.query(
            `UPDATE voting_ballots SET name = $3, department = $4, dots = $5, version = version + 1, updated_at = $6
             WHERE round_id = $1 AND person_id = $2 AND version = $7 AND ${OPEN}`,
            [b.roundId, b.personId, b.name, b.department, dots, b.updatedAt, expectedVersion],
          );
    return rowCount === 1;
  }

  private async round(sql: string, params: unknown[]): Promise<StoredRound | null> {
    const { rows } = await this.pool.query<Row>(sql, params);
    return rows[0] ? readRoundRow(rows[0]) : null;
  }
}

/** The board's rounds and ballots, for PostgresBoardStore.exportBoard (inside its REPEATABLE READ transaction). */
export async function exportPostgresVoting(q: Queryable, boardId: string): Promise<VotingDump> {
  const rounds = (
    await q.query<Row>(`SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = $1 ORDER BY opened_at, id`, [
      boardId,
    ])
  ).rows.map(readRoundRow);
  const ballots = (
    await q.query<Row>(
      `SELECT ${BALLOT_COLUMNS.split(', ')
        .map((c) => `b.${c}`)
        .join(', ')} FROM voting_ballots b JOIN voting_rounds r ON r.id = b.round_id
       WHERE r.board_id = $1 ORDER BY b.round_id, b.person_id`,
      [boardId],
    )
  ).rows.map(readBallotRow);
  return { rounds, ballots };
}

/** Writes a dump's rounds and ballots, for PostgresBoardStore.importBoard (inside its transaction, after the board row). */
export async function importPostgresVoting(q: Queryable, boardId: string, dump: VotingDump): Promise<void> {
  for (const r of dump.rounds) {
    await q.query(`INSERT INTO voting_rounds (${ROUND_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
      r.id,
      boardId,
      r.status,
      JSON.stringify(r.settings),
      r.openedAt,
      r.openedBy.id,
      r.openedBy.name,
      r.endsAt,
      r.closedAt,
      r.result ? JSON.stringify(r.result) : null,
    ]);
  }
  for (const b of dump.ballots) {
    await q.query(`INSERT INTO voting_ballots (${BALLOT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      b.roundId,
      b.personId,
      b.name,
      b.department,
      JSON.stringify(nonZero(b.dots)),
      b.version,
      b.updatedAt,
    ]);
  }
}
