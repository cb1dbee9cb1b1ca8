import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
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

// STRICT tables beside the board tables; deleting a board deletes its phases and drafts.
export const SQLITE_PRIVATE_WRITING_SCHEMA = `
CREATE TABLE IF NOT EXISTS private_phases (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'revealed', 'cancelled')),
  opened_at INTEGER NOT NULL,
  opened_by_id TEXT NOT NULL,
  opened_by_name TEXT NOT NULL,
  timer_run INTEGER,
  closed_at INTEGER
) STRICT;
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
  placed_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  note_id TEXT,
  PRIMARY KEY (board_id, id)
) STRICT;
CREATE INDEX IF NOT EXISTS private_drafts_by_person ON private_drafts (board_id, person_id);
`;

const ORDER = 'ORDER BY placed_at, id';

/** PrivateWritingStore on the embedded SQLite database (the same handle as SqliteBoardStore). */
export class SqlitePrivateWritingStore implements PrivateWritingStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.db.exec(SQLITE_PRIVATE_WRITING_SCHEMA);
  }

  async openPhase(p: NewPhase): Promise<boolean> {
    const inserted = this.db
      .prepare(
        `INSERT INTO private_phases (${PHASE_COLUMNS}) VALUES (?, ?, 'open', ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING`,
      )
      .run(p.id, p.boardId, p.openedAt, p.openedBy.id, p.openedBy.name, p.timerRun);
    return Number(inserted.changes) === 1;
  }

  async getOpenPhase(boardId: string): Promise<StoredPhase | null> {
    const row = this.db
      .prepare(`SELECT ${PHASE_COLUMNS} FROM private_phases WHERE board_id = ? AND status = 'open'`)
      .get(boardId);
    return row ? readPhaseRow(plain(row)) : null;
  }

  async getPhase(boardId: string, phaseId: string): Promise<StoredPhase | null> {
    const row = this.db
      .prepare(`SELECT ${PHASE_COLUMNS} FROM private_phases WHERE board_id = ? AND id = ?`)
      .get(boardId, phaseId);
    return row ? readPhaseRow(plain(row)) : null;
  }

  async listTimedOpenPhases(): Promise<StoredPhase[]> {
    return this.db
      .prepare(
        `SELECT ${PHASE_COLUMNS} FROM private_phases WHERE status = 'open' AND timer_run IS NOT NULL ORDER BY opened_at`,
      )
      .all()
      .map(plain)
      .map(readPhaseRow);
  }

  async cancelPhase(boardId: string, phaseId: string, at: number): Promise<boolean> {
    const changed = this.db
      .prepare(
        `UPDATE private_phases SET status = 'cancelled', closed_at = ? WHERE board_id = ? AND id = ? AND status = 'open'`,
      )
      .run(at, boardId, phaseId).changes;
    return Number(changed) === 1;
  }

  /**
   * One process owns the SQLite file and this runs without an await: nothing else touches the
   * board's drafts between reading them and closing the phase. `write` runs outside any SQLite
   * transaction (the document's own listeners may write the database as it changes); the note
   * ids are committed before it (see PrivateWritingStore.revealPhase), the close after it.
   */
  async revealPhase<T extends RevealWrite>(
    boardId: string,
    phaseId: string,
    at: number,
    newNoteId: () => NoteId,
    write: (drafts: readonly RevealableDraft[]) => T,
  ): Promise<T | null> {
    const open = this.db
      .prepare(`SELECT 1 FROM private_phases WHERE board_id = ? AND id = ? AND status = 'open'`)
      .get(boardId, phaseId);
    if (!open) return null;
    this.transaction(() => {
      const set = this.db.prepare(
        'UPDATE private_drafts SET note_id = ? WHERE board_id = ? AND id = ? AND note_id IS NULL',
      );
      for (const { id } of this.db
        .prepare('SELECT id FROM private_drafts WHERE board_id = ? AND note_id IS NULL')
        .all(boardId))
        set.run(newNoteId(), boardId, String(id));
    });
    const drafts = this.db
      .prepare(`SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = ? ${ORDER}`)
      .all(boardId)
      .map(plain)
      .map(readDraftRow);
    const outcome = write(drafts.filter((d): d is RevealableDraft => d.noteId !== null));
    this.transaction(() => {
      this.db
        .prepare(`UPDATE private_phases SET status = 'revealed', closed_at = ? WHERE board_id = ? AND id = ?`)
        .run(at, boardId, phaseId);
      const remove = this.db.prepare('DELETE FROM private_drafts WHERE board_id = ? AND id = ?');
      for (const id of outcome.written) remove.run(boardId, id);
    });
    return outcome;
  }

  async listDrafts(boardId: string): Promise<StoredDraft[]> {
    return this.db
      .prepare(`SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = ? ${ORDER}`)
      .all(boardId)
      .map(plain)
      .map(readDraftRow);
  }

  async listDraftsOf(boardId: string, personId: string): Promise<StoredDraft[]> {
    return this.db
      .prepare(`SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = ? AND person_id = ? ${ORDER}`)
      .all(boardId, personId)
      .map(plain)
      .map(readDraftRow);
  }

  async getDraft(boardId: string, id: DraftId): Promise<StoredDraft | null> {
    const row = this.db
      .prepare(`SELECT ${DRAFT_COLUMNS} FROM private_drafts WHERE board_id = ? AND id = ?`)
      .get(boardId, id);
    return row ? readDraftRow(plain(row)) : null;
  }

  async insertDraft(d: StoredDraft): Promise<boolean> {
    const inserted = this.db
      .prepare(
        `INSERT INTO private_drafts (${DRAFT_COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         WHERE EXISTS (SELECT 1 FROM private_phases WHERE board_id = ? AND status = 'open') ON CONFLICT DO NOTHING`,
      )
      .run(...draftValues(d), d.boardId);
    return Number(inserted.changes) === 1;
  }

  async updateDraft(d: StoredDraft): Promise<boolean> {
    const changed = this.db
      .prepare(
        `UPDATE private_drafts SET name = ?, department = ?, stage_id = ?, lane_id = ?, kind = ?, text = ?, placed_at = ?, updated_at = ?
         WHERE board_id = ? AND id = ? AND person_id = ?`,
      )
      .run(
        d.name,
        d.department,
        d.stageId,
        d.laneId,
        d.kind,
        d.text,
        d.placedAt,
        d.updatedAt,
        d.boardId,
        d.id,
        d.personId,
      ).changes;
    return Number(changed) === 1;
  }

  async deleteDraft(boardId: string, id: DraftId, personId: string): Promise<boolean> {
    const changed = this.db
      .prepare('DELETE FROM private_drafts WHERE board_id = ? AND id = ? AND person_id = ?')
      .run(boardId, id, personId).changes;
    return Number(changed) === 1;
  }

  /** Runs `fn` in one immediate transaction (DatabaseSync is synchronous: nothing interleaves). */
  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

function plain(row: Record<string, SQLOutputValue>): Record<string, unknown> {
  return row;
}
