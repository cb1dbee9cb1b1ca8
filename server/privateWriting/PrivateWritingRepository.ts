import type { Kysely } from 'kysely';
import type { DraftId } from '../../shared/protocol/privateWriting.ts';
import type { NoteId } from '../../shared/schema/ids.ts';
import type { Database } from '../storage/database.ts';
import { changed } from '../storage/rows.ts';
import { readDraftRow, readPhaseRow } from './draftRows.ts';
import type {
  NewPhase,
  PrivateWritingStore,
  RevealableDraft,
  RevealWrite,
  StoredDraft,
  StoredPhase,
} from './PrivateWritingStore.ts';

export interface PrivateWritingTables {
  private_phases: {
    id: string;
    board_id: string;
    status: string;
    opened_at: number;
    opened_by_id: string;
    opened_by_name: string;
    timer_run: number | null;
    closed_at: number | null;
  };
  private_drafts: {
    board_id: string;
    id: string;
    person_id: string;
    name: string;
    department: string;
    stage_id: string;
    lane_id: string;
    kind: string | null;
    text: string;
    placed_at: number;
    created_at: number;
    updated_at: number;
    note_id: string | null;
  };
}

// A reveal gives drafts their note ids and commits, then locks again; past this many rounds it
// goes ahead without drafts added in each moment between.
const MAX_REVEAL_ATTEMPTS = 4;

/**
 * Private-writing phases and drafts (PrivateWritingStore.ts; tables: migrations/0006_privateWriting.ts).
 * On PostgreSQL a draft insert holds the open phase's row FOR SHARE until it commits, so a reveal
 * (FOR UPDATE) waits for it and writes the draft; one that comes after finds no open phase.
 */
export class PrivateWritingRepository implements PrivateWritingStore {
  readonly #database: Database;
  readonly #db: Kysely<PrivateWritingTables>;

  constructor(database: Database) {
    this.#database = database;
    this.#db = database.kysely<PrivateWritingTables>();
  }

  async openPhase(p: NewPhase): Promise<boolean> {
    const result = await this.#db
      .insertInto('private_phases')
      .values({
        id: p.id,
        board_id: p.boardId,
        status: 'open',
        opened_at: p.openedAt,
        opened_by_id: p.openedBy.id,
        opened_by_name: p.openedBy.name,
        timer_run: p.timerRun,
        closed_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return changed(result) === 1;
  }

  async getOpenPhase(boardId: string): Promise<StoredPhase | null> {
    const row = await this.#phases().where('board_id', '=', boardId).where('status', '=', 'open').executeTakeFirst();
    return row ? readPhaseRow(row) : null;
  }

  async getPhase(boardId: string, phaseId: string): Promise<StoredPhase | null> {
    const row = await this.#phases().where('board_id', '=', boardId).where('id', '=', phaseId).executeTakeFirst();
    return row ? readPhaseRow(row) : null;
  }

  async listTimedOpenPhases(): Promise<StoredPhase[]> {
    const rows = await this.#phases()
      .where('status', '=', 'open')
      .where('timer_run', 'is not', null)
      .orderBy('opened_at')
      .execute();
    return rows.map(readPhaseRow);
  }

  async cancelPhase(boardId: string, phaseId: string, at: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('private_phases')
      .set({ status: 'cancelled', closed_at: at })
      .where('board_id', '=', boardId)
      .where('id', '=', phaseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /**
   * Each attempt holds the open phase (PostgreSQL: FOR UPDATE; everything that changes a board's
   * drafts in bulk holds it first, inserts FOR SHARE) and the board's drafts. Drafts without a note
   * id get one and that commits first; the next attempt, holding everything again, calls `write`.
   * On SQLite every attempt is one synchronous transaction; the document's listeners that append
   * while `write` runs wait for it to commit (BoardRepository.appendUpdate).
   */
  async revealPhase<T extends RevealWrite>(
    boardId: string,
    phaseId: string,
    at: number,
    newNoteId: () => NoteId,
    write: (drafts: readonly RevealableDraft[]) => T,
  ): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#database.transaction<PrivateWritingTables, { done: T | null } | 'again'>(
        async (trx) => {
          const open = await this.#database
            .lock(
              trx
                .selectFrom('private_phases')
                .select('id')
                .where('board_id', '=', boardId)
                .where('id', '=', phaseId)
                .where('status', '=', 'open'),
              'update',
            )
            .executeTakeFirst();
          if (!open) return { done: null };
          // A new statement, a new snapshot: every draft written before we held the phase; each
          // row held until COMMIT, so an edit or removal waits and then finds a revealed draft gone.
          const rows = await this.#database.lock(this.#drafts(trx).where('board_id', '=', boardId), 'update').execute();
          const drafts = rows.map(readDraftRow);
          const ready = drafts.filter((d): d is RevealableDraft => d.noteId !== null);
          if (ready.length < drafts.length && attempt < MAX_REVEAL_ATTEMPTS) {
            for (const d of drafts.filter((d) => d.noteId === null))
              await trx
                .updateTable('private_drafts')
                .set({ note_id: newNoteId() })
                .where('board_id', '=', boardId)
                .where('id', '=', d.id)
                .where('note_id', 'is', null)
                .execute();
            return 'again';
          }
          // (Past the attempts, a draft still without an id stays a draft: kept for its author and the next reveal.)
          const written = write(ready);
          await trx
            .updateTable('private_phases')
            .set({ status: 'revealed', closed_at: at })
            .where('board_id', '=', boardId)
            .where('id', '=', phaseId)
            .execute();
          if (written.written.length > 0)
            await trx
              .deleteFrom('private_drafts')
              .where('board_id', '=', boardId)
              .where('id', 'in', written.written)
              .execute();
          return { done: written };
        },
      );
      if (outcome !== 'again') return outcome.done;
    }
  }

  async listDrafts(boardId: string): Promise<StoredDraft[]> {
    return (await this.#drafts(this.#db).where('board_id', '=', boardId).execute()).map(readDraftRow);
  }

  async listDraftsOf(boardId: string, personId: string): Promise<StoredDraft[]> {
    const rows = await this.#drafts(this.#db)
      .where('board_id', '=', boardId)
      .where('person_id', '=', personId)
      .execute();
    return rows.map(readDraftRow);
  }

  async getDraft(boardId: string, id: DraftId): Promise<StoredDraft | null> {
    const row = await this.#drafts(this.#db).where('board_id', '=', boardId).where('id', '=', id).executeTakeFirst();
    return row ? readDraftRow(row) : null;
  }

  async insertDraft(d: StoredDraft): Promise<boolean> {
    const { board_id: _, ...row } = draftRow(d);
    const phase = this.#db
      .selectFrom('private_phases')
      .where('board_id', '=', d.boardId)
      .where('status', '=', 'open')
      .select((eb) => ['board_id', ...Object.entries(row).map(([column, value]) => eb.val(value).as(column))]);
    const result = await this.#db
      .insertInto('private_drafts')
      .columns(['board_id', ...(Object.keys(row) as (keyof typeof row)[])])
      .expression(this.#database.lock(phase, 'share'))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return changed(result) === 1;
  }

  async updateDraft(d: StoredDraft): Promise<boolean> {
    const { board_id, id, person_id, created_at: _, note_id: __, ...changes } = draftRow(d);
    const result = await this.#db
      .updateTable('private_drafts')
      .set(changes)
      .where('board_id', '=', board_id)
      .where('id', '=', id)
      .where('person_id', '=', person_id)
      .executeTakeFirst();
    return changed(result) === 1;
  }

  async deleteDraft(boardId: string, id: DraftId, personId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('private_drafts')
      .where('board_id', '=', boardId)
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return changed(result) === 1;
  }

  #phases() {
    return this.#db.selectFrom('private_phases').selectAll();
  }

  #drafts(db: Kysely<PrivateWritingTables>) {
    return db.selectFrom('private_drafts').selectAll().orderBy('placed_at').orderBy('id');
  }
}

function draftRow(d: StoredDraft): PrivateWritingTables['private_drafts'] {
  return {
    board_id: d.boardId,
    id: d.id,
    person_id: d.personId,
    name: d.name,
    department: d.department,
    stage_id: d.stageId,
    lane_id: d.laneId,
    kind: d.kind,
    text: d.text,
    placed_at: d.placedAt,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    note_id: d.noteId,
  };
}
