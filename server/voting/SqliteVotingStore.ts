import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import type { NoteId, RoundId } from '../../shared/schema/ids.ts';
import type { RoundFields } from '../../shared/schema/round.ts';
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

// STRICT tables, like the board tables. The partial unique index makes "one open round per board"
// a database rule, not a hope.
export const SQLITE_VOTING_SCHEMA = `
CREATE TABLE IF NOT EXISTS voting_rounds (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'cancelled')),
  settings TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  opened_by_id TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  ends_at INTEGER,
  closed_at INTEGER,
  result TEXT
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS voting_rounds_one_open ON voting_rounds (board_id) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS voting_rounds_by_board ON voting_rounds (board_id, opened_at);
CREATE TABLE IF NOT EXISTS voting_ballots (
  round_id TEXT NOT NULL REFERENCES voting_rounds(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  dots TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, person_id)
) STRICT;
`;

const ROUND_COLUMNS =
  'id, board_id, status, settings, opened_at, opened_by_id, opened_by_name, ends_at, closed_at, result';
const BALLOT_COLUMNS = 'round_id, person_id, name, department, dots, version, updated_at';

/** VotingStore on the embedded SQLite database (the same file and handle as SqliteBoardStore). */
export class SqliteVotingStore implements VotingStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.db.exec(SQLITE_VOTING_SCHEMA);
  }

  async openRound(r: NewRound): Promise<boolean> {
    const inserted = this.db
      .prepare(
        `INSERT INTO voting_rounds (${ROUND_COLUMNS}) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, NULL, NULL)
         ON CONFLICT DO NOTHING`,
      )
      .run(r.id, r.boardId, JSON.stringify(r.settings), r.openedAt, r.openedBy.id, r.openedBy.name, r.endsAt);
    return Number(inserted.changes) === 1;
  }

  async getOpenRound(boardId: string): Promise<StoredRound | null> {
    return this.round(`SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = ? AND status = 'open'`, boardId);
  }

  async getRound(boardId: string, roundId: RoundId): Promise<StoredRound | null> {
    return this.round(`SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = ? AND id = ?`, boardId, roundId);
  }

  async listRevealed(boardId: string): Promise<StoredRound[]> {
    const rows = this.db
      .prepare(
        `SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = ? AND status = 'revealed' ORDER BY closed_at, id`,
      )
      .all(boardId);
    return rows.map(sqliteRow).map(readRoundRow);
  }

  async listTimedOpenRounds(): Promise<StoredRound[]> {
    const rows = this.db
      .prepare(
        `SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE status = 'open' AND ends_at IS NOT NULL ORDER BY ends_at`,
      )
      .all();
    return rows.map(sqliteRow).map(readRoundRow);
  }

  async closeRound(boardId: string, roundId: RoundId, close: RoundClosing): Promise<boolean> {
    const result = close.status === 'revealed' ? JSON.stringify(close.result) : null;
    const changed = this.db
      .prepare(
        `UPDATE voting_rounds SET status = ?, closed_at = ?, result = ? WHERE board_id = ? AND id = ? AND status = 'open'`,
      )
      .run(close.status, close.at, result, boardId, roundId).changes;
    return Number(changed) === 1;
  }

  /** One process owns the SQLite file, and this runs without an await: nothing writes a ballot in between. */
  async revealRound(
    boardId: string,
    roundId: RoundId,
    at: number,
    count: (ballots: StoredBallot[]) => RoundFields,
  ): Promise<RoundFields | null> {
    const open = this.db
      .prepare(`SELECT 1 FROM voting_rounds WHERE board_id = ? AND id = ? AND status = 'open'`)
      .get(boardId, roundId);
    if (!open) return null;
    const rows = this.db
      .prepare(`SELECT ${BALLOT_COLUMNS} FROM voting_ballots WHERE round_id = ? ORDER BY person_id`)
      .all(roundId);
    const result = count(rows.map(sqliteRow).map(readBallotRow));
    this.db
      .prepare(`UPDATE voting_rounds SET status = 'revealed', closed_at = ?, result = ? WHERE id = ?`)
      .run(at, JSON.stringify(result), roundId);
    return result;
  }

  async getBallots(roundId: RoundId): Promise<StoredBallot[]> {
    const rows = this.db
      .prepare(`SELECT ${BALLOT_COLUMNS} FROM voting_ballots WHERE round_id = ? ORDER BY person_id`)
      .all(roundId);
    return rows.map(sqliteRow).map(readBallotRow);
  }

  async deleteBallot(roundId: RoundId, personId: string): Promise<boolean> {
    const deleted = this.db
      .prepare(
        `DELETE FROM voting_ballots WHERE round_id = ? AND person_id = ? AND EXISTS (SELECT 1 FROM voting_rounds WHERE id = ? AND status = 'open')`,
      )
      .run(roundId, personId, roundId);
    return Number(deleted.changes) > 0;
  }

  async getBallot(roundId: RoundId, personId: string): Promise<StoredBallot | null> {
    const row = this.db
      .prepare(`SELECT ${BALLOT_COLUMNS} FROM voting_ballots WHERE round_id = ? AND person_id = ?`)
      .get(roundId, personId);
    return row ? readBallotRow(sqliteRow(row)) : null;
  }

  async saveBallot(b: BallotWrite, expectedVersion: number): Promise<boolean> {
    const dots = JSON.stringify(nonZero(b.dots));
    const open = `EXISTS (SELECT 1 FROM voting_rounds WHERE id = ? AND status = 'open')`;
    const changed =
      expectedVersion === 0
        ? this.db
            .prepare(
              `INSERT INTO voting_ballots (${BALLOT_COLUMNS}) SELECT ?, ?, ?, ?, ?, 1, ? WHERE ${open}
               ON CONFLICT (round_id, person_id) DO NOTHING`,
            )
            .run(b.roundId, b.personId, b.name, b.department, dots, b.updatedAt, b.roundId).changes
        : this.db
            .prepare(
              `UPDATE voting_ballots SET name = ?, department = ?, dots = ?, version = version + 1, updated_at = ?
               WHERE round_id = ? AND person_id = ? AND version = ? AND ${open}`,
            )
            .run(b.name, b.department, dots, b.updatedAt, b.roundId, b.personId, expectedVersion, b.roundId).changes;
    return Number(changed) === 1;
  }

  private round(sql: string, ...params: string[]): StoredRound | null {
    const row = this.db.prepare(sql).get(...params);
    return row ? readRoundRow(sqliteRow(row)) : null;
  }
}

/** The board's rounds and ballots, for SqliteBoardStore.exportBoard (call inside its read transaction). */
export function exportSqliteVoting(db: DatabaseSync, boardId: string): VotingDump {
  const rounds = db
    .prepare(`SELECT ${ROUND_COLUMNS} FROM voting_rounds WHERE board_id = ? ORDER BY opened_at, id`)
    .all(boardId)
    .map(sqliteRow)
    .map(readRoundRow);
  const ballots = db
    .prepare(
      `SELECT ${BALLOT_COLUMNS.split(', ')
        .map((c) => `b.${c}`)
        .join(
          ', ',
        )} FROM voting_ballots b JOIN voting_rounds r ON r.id = b.round_id WHERE r.board_id = ? ORDER BY b.round_id, b.person_id`,
    )
    .all(boardId)
    .map(sqliteRow)
    .map(readBallotRow);
  return { rounds, ballots };
}

/** Writes a dump's rounds and ballots, for SqliteBoardStore.importBoard (inside its transaction, after the board row). */
export function importSqliteVoting(db: DatabaseSync, boardId: string, dump: VotingDump): void {
  const round = db.prepare(`INSERT INTO voting_rounds (${ROUND_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const r of dump.rounds) {
    round.run(
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
    );
  }
  const ballot = db.prepare(`INSERT INTO voting_ballots (${BALLOT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const b of dump.ballots)
    ballot.run(b.roundId, b.personId, b.name, b.department, JSON.stringify(nonZero(b.dots)), b.version, b.updatedAt);
}

function sqliteRow(row: Record<string, SQLOutputValue>): Record<string, unknown> {
  return row;
}

export function nonZero(dots: Readonly<Record<NoteId, number>>): Record<NoteId, number> {
  return Object.fromEntries(Object.entries(dots).filter(([, n]) => n > 0)) as Record<NoteId, number>;
}
