import type pg from 'pg';
import type { NoteId } from '../../shared/schema/ids.ts';
import type { DraftId } from '../../shared/protocol/privateWriting.ts';
import { DRAFT_COLUMNS, draftValues, PHASE_COLUMNS, readDraftRow, readPhaseRow } from './draftRows.ts';
import type {
  NewPhase,
  PrivateWritingStore,
  RevealableDraft,
  RevealWrite,
  StoredDraft,
  StoredPhase,
} from './PrivateWritingStore.ts';

/** The same tables as SQLite (SqlitePrivateWritingStore.ts), in the store's schema. */
export const POSTGRES_PRIVATE_WRITING_SCHEMA = `
CREATE TABLE IF NOT EXISTS private_phases (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'cancelled')),
  opened_at BIGINT NOT NULL,
  opened_by_id TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  timer_run INTEGER,
  closed_at BIGINT
);
CREATE UNIQUE INDEX IF NOT EXISTS private_phases_one_open ON private_phases (board_id) WHERE status = 'open';
CREATE TABLE IF NOT EXISTS private_drafts (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  lane_id TEXT NOT NULL,
  kind TEXT,
  text TEXT NOT NULL,
  placed_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  note_id TEXT,
  PRIMARY KEY (board_id, id)
);
CREATE INDEX IF NOT EXISTS private_drafts_by_person ON private_drafts (board_id, person_id);
`;

type Row = Record<string, unknown>;
const ORDER = 'ORDER BY placed_at, id';
// FOR SHARE: a draft insert holds the open phase's row until it commits, so a reveal (FOR UPDATE)
// waits for it and writes the draft; one that comes after the reveal finds no open phase.
const OPEN = `EXISTS (SELECT 1 FROM private_phases WHERE board_id = $1 AND status = 'open' FOR SHARE)`;
// A reveal gives drafts their note ids and commits, then locks again; past this many rounds it
// goes ahead without drafts added in each moment between.
const MAX_REVEAL_ATTEMPTS = 4;

/** PrivateWritingStore on PostgreSQL, sharing PostgresBoardStore's pool (its search_path names the schema). */
export class PostgresPrivateWritingStore implements PrivateWritingStore {
  private readonly pool: pg.Pool;

  /** Creates the tables if missing (PostgresBoardStore.open calls this under its schema lock). */
  static async createTables(client: pg.Pool | pg.PoolClient): Promise<void> {
    await client.query(POSTGRES_PRIVATE_WRITING_SCHEMA);
  }

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async openPhase(p: NewPhase): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO private_phases (${PHASE_COLUMNS}) VALUES ($1, $2, 'open', $3, $4, $5, $6, NULL) ON CONFLICT DO NOTHING`,
      [p.id, p.boardId, p.openedAt, p.openedBy.id, p.openedBy.name, p.timerRun],
    );
    return rowCount === 1;
  }

  async getOpenPhase(boardId: string): Promise<StoredPhase | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${PHASE_COLUMNS} FROM private_phases WHERE board_id = $1 AND status = 'open'`,
      [boardId],
    );
    return rows[0] ? readPhaseRow(rows[0]) : null;
  }

  async getPhase(boardId: string, phaseId: string): Promise<StoredPhase | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${PHASE_COLUMNS} FROM private_phases WHERE board_id = $1 AND id = $2`,
      [boardId, phaseId],
    );
    return rows[0] ? readPhaseRow(rows[0]) : null;
  }

  async listTimedOpenPhases(): Promise<StoredPhase[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${PHASE_COLUMNS} FROM private_phases WHERE status = 'open' AND timer_run IS NOT NULL ORDER BY opened_at`,
    );
    return rows.map(readPhaseRow);
  }

  async cancelPhase(boardId: string, phaseId: string, at: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE private_phases SET status = 'cancelled', closed_at = $1 WHERE board_id = $2 AND id = $3 AND status = 'open'`,
      [at, boardId, phaseId],
    );
    return rowCount === 1;
  }

  async revealPhase<T extends RevealWrite>(
    boardId: string,
    phaseId: string,
    at: number,
    newNoteId: () => NoteId,
    write: (drafts: readonly RevealableDraft[]) => T,
  ): Promise<T | null> {
    const client = await this.pool.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        await client.query('BEGIN');
        // Everything that changes a board's drafts in bulk holds the phase row first (inserts hold
        // it FOR SHARE): another instance revealing or cancelling makes us wait, then we find it closed.
        const locked = await client.query(
          `SELECT 1 FROM private_phases WHERE board_id = $1 AND id = $2 AND status = 'open' FOR UPDATE`,
          [boardId, phaseId],
        );
        if (locked.rowCount !== 1) {
          await client.query('ROLLBACK');
          return null;
        }
        // A new statement, a new snapshot: every draft written before we held the phase; each row
        // held until COMMIT, so an edit or removal waits and then finds a revealed draft gone.
        const { rows } = await client.query<Row>(
          `SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = $1 ${ORDER} FOR UPDATE`,
          [boardId],
        );
        const drafts = rows.map(readDraftRow);
        const ready = drafts.filter((d): d is RevealableDraft => d.noteId !== null);
        if (ready.length < drafts.length && attempt < MAX_REVEAL_ATTEMPTS) {
          // Note ids are committed before the document is written (PrivateWritingStore.revealPhase);
          // then again from the lock, in case a draft was added in the moment between.
          await assignNoteIds(
            client,
            boardId,
            drafts.filter((d) => d.noteId === null).map((d) => [d.id, newNoteId()] as const),
          );
          await client.query('COMMIT');
          continue;
        }
        // (Past the attempts, a draft still without an id stays a draft: kept for its author and the next reveal.)
        const outcome = write(ready);
        await client.query(
          `UPDATE private_phases SET status = 'revealed', closed_at = $1 WHERE board_id = $2 AND id = $3`,
          [at, boardId, phaseId],
        );
        if (outcome.written.length > 0)
          await client.query('DELETE FROM private_drafts WHERE board_id = $1 AND id = ANY($2::text[])', [
            boardId,
            [...outcome.written],
          ]);
        await client.query('COMMIT');
        return outcome;
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listDrafts(boardId: string): Promise<StoredDraft[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = $1 ${ORDER}`,
      [boardId],
    );
    return rows.map(readDraftRow);
  }

  async listDraftsOf(boardId: string, personId: string): Promise<StoredDraft[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = $1 AND person_id = $2 ${ORDER}`,
      [boardId, personId],
    );
    return rows.map(readDraftRow);
  }

  async getDraft(boardId: string, id: DraftId): Promise<StoredDraft | null> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = $1 AND id = $2`,
      [boardId, id],
    );
    return rows[0] ? readDraftRow(rows[0]) : null;
  }

  async insertDraft(d: StoredDraft): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO private_drafts (${DRAFT_COLUMNS}) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 WHERE ${OPEN}
       ON CONFLICT DO NOTHING`,
      draftValues(d),
    );
    return rowCount === 1;
  }

  async updateDraft(d: StoredDraft): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE private_drafts SET name = $1, department = $2, stage_id = $3, lane_id = $4, kind = $5, text = $6, placed_at = $7, updated_at = $8
       WHERE board_id = $9 AND id = $10 AND person_id = $11`,
      [d.name, d.department, d.stageId, d.laneId, d.kind, d.text, d.placedAt, d.updatedAt, d.boardId, d.id, d.personId],
    );
    return rowCount === 1;
  }

  async deleteDraft(boardId: string, id: DraftId, personId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM private_drafts WHERE board_id = $1 AND id = $2 AND person_id = $3',
      [boardId, id, personId],
    );
    return rowCount === 1;
  }
}

/** Gives drafts the id of the note they will become, only where none is set. */
async function assignNoteIds(
  client: pg.PoolClient,
  boardId: string,
  assignments: readonly (readonly [DraftId, NoteId])[],
): Promise<void> {
  await client.query(
    `UPDATE private_drafts d SET note_id = a.note_id FROM unnest($2::text[], $3::text[]) AS a(id, note_id)
     WHERE d.board_id = $1 AND d.id = a.id AND d.note_id IS NULL`,
    [boardId, assignments.map(([id]) => id), assignments.map(([, noteId]) => noteId)],
  );
}
