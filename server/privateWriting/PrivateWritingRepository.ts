import type { Kysely } from 'kysely';
import { type Draft, type DraftId, isDraftId } from '../../shared/protocol/privateWriting.ts';
import { type Department, departmentSchema } from '../../shared/schema/department.ts';
import { isRecordId, type NoteId } from '../../shared/schema/ids.ts';
import { NOTE_KINDS, type NoteKind } from '../../shared/schema/noteKind.ts';
import { changed } from '../storage/rows.ts';
import { Repository } from '../storage/Repository.ts';

/** The tables as the camelCase query builder names them (migrations/0006_privateWriting.ts). */
interface PrivateWritingTables {
  private_phases: Omit<StoredPhase, 'status' | 'openedBy'> & {
    status: string;
    openedById: string;
    openedByName: string;
  };
  private_drafts: Omit<StoredDraft, 'department' | 'kind'> & { department: string; kind: string | null };
}

// A reveal gives drafts their note ids and commits, then locks again; past this many rounds it
// goes ahead without drafts added in each moment between.
const MAX_REVEAL_ATTEMPTS = 4;

/** What a reveal's `write` reports: the drafts that are notes in the document now. */
export interface RevealWrite {
  readonly written: readonly DraftId[];
}

/** A draft at the reveal: it has the id of the note it becomes. */
export type RevealableDraft = StoredDraft & { readonly noteId: NoteId };

type PhaseStatus = 'open' | 'revealed' | 'cancelled';

export interface NewPhase {
  readonly id: string;
  readonly boardId: string;
  readonly openedAt: number;
  readonly openedBy: { readonly id: string; readonly name: string };
  /** The workshop timer run whose end reveals the phase; null: revealed by hand. */
  readonly timerRun: number | null;
}

export interface StoredPhase extends NewPhase {
  readonly status: PhaseStatus;
  readonly closedAt: number | null;
}

/** A draft as stored: what its author sees of it, on which board, whose, and its note id at the reveal. */
export interface StoredDraft extends Draft {
  readonly boardId: string;
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  /** Set just before a reveal writes it; the note's id in the document. */
  readonly noteId: NoteId | null;
}

/**
 * Where private-writing phases and their drafts live (tables: migrations/0006_privateWriting.ts;
 * docs/api.md, "Private writing"): `private_phases`, at most one `open` per board (a unique partial
 * index), and `private_drafts`, one row per draft, keyed by board and id. Drafts never enter the
 * board document before the reveal; the database is their only home until then, so they survive
 * reconnects and restarts. On PostgreSQL a draft insert holds the open phase's row FOR SHARE until
 * it commits, so a reveal (FOR UPDATE) waits for it and writes the draft; one that comes after
 * finds no open phase.
 */
export class PrivateWritingRepository extends Repository<PrivateWritingTables> {
  /** Stores a new open phase; false (nothing stored) if the board has one open already. */
  async openPhase(p: NewPhase): Promise<boolean> {
    const result = await this.db
      .insertInto('private_phases')
      .values({
        id: p.id,
        boardId: p.boardId,
        status: 'open',
        openedAt: p.openedAt,
        openedById: p.openedBy.id,
        openedByName: p.openedBy.name,
        timerRun: p.timerRun,
        closedAt: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return changed(result) === 1;
  }

  async getOpenPhase(boardId: string): Promise<StoredPhase | null> {
    const row = await this.#phases().where('boardId', '=', boardId).where('status', '=', 'open').executeTakeFirst();
    return row ? readPhaseRow(row) : null;
  }

  async getPhase(boardId: string, phaseId: string): Promise<StoredPhase | null> {
    const row = await this.#phases().where('boardId', '=', boardId).where('id', '=', phaseId).executeTakeFirst();
    return row ? readPhaseRow(row) : null;
  }

  /** Every open phase tied to the timer, on every board (watched after a restart). */
  async listTimedOpenPhases(): Promise<StoredPhase[]> {
    const rows = await this.#phases()
      .where('status', '=', 'open')
      .where('timerRun', 'is not', null)
      .orderBy('openedAt')
      .execute();
    return rows.map(readPhaseRow);
  }

  /** Cancels an open phase (compare-and-set: false if it was not open). Drafts are kept. */
  async cancelPhase(boardId: string, phaseId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('private_phases')
      .set({ status: 'cancelled', closedAt: at })
      .where('boardId', '=', boardId)
      .where('id', '=', phaseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /**
   * The reveal, once however many instances attempt it. Gives each draft of the board that has
   * none the id of its future note (committed first: a reveal interrupted after `write` is
   * retried without duplicates), then, holding the open phase and the board's drafts so that no
   * draft is added, changed or removed meanwhile, calls `write` with every draft, closes the phase
   * as revealed and deletes the drafts `write` says it wrote, in one database transaction.
   * Resolves null, without calling `write`, if the phase is not open (any more): another reveal
   * or a cancel came first. `write` is synchronous (one Yjs transaction) and holds the lock only
   * as long as it runs.
   *
   * Each attempt holds the open phase (PostgreSQL: FOR UPDATE; everything that changes a board's
   * drafts in bulk holds it first, inserts FOR SHARE) and the board's drafts. On SQLite every
   * attempt is one synchronous transaction; the document's listeners that append while `write`
   * runs wait for it to commit (BoardRepository.appendUpdate).
   */
  async revealPhase<T extends RevealWrite>(
    boardId: string,
    phaseId: string,
    at: number,
    newNoteId: () => NoteId,
    write: (drafts: readonly RevealableDraft[]) => T,
  ): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.db.transaction().execute(async (trx): Promise<{ done: T | null } | 'again'> => {
        const open = await this.database
          .lock(
            trx
              .selectFrom('private_phases')
              .select('id')
              .where('boardId', '=', boardId)
              .where('id', '=', phaseId)
              .where('status', '=', 'open'),
            'update',
          )
          .executeTakeFirst();
        if (!open) return { done: null };
        // A new statement, a new snapshot: every draft written before we held the phase; each
        // row held until COMMIT, so an edit or removal waits and then finds a revealed draft gone.
        const rows = await this.database.lock(this.#drafts(trx).where('boardId', '=', boardId), 'update').execute();
        const drafts = rows.map(readDraftRow);
        const ready = drafts.filter((d): d is RevealableDraft => d.noteId !== null);
        if (ready.length < drafts.length && attempt < MAX_REVEAL_ATTEMPTS) {
          for (const d of drafts.filter((d) => d.noteId === null))
            await trx
              .updateTable('private_drafts')
              .set({ noteId: newNoteId() })
              .where('boardId', '=', boardId)
              .where('id', '=', d.id)
              .where('noteId', 'is', null)
              .execute();
          return 'again';
        }
        // (Past the attempts, a draft still without an id stays a draft: kept for its author and the next reveal.)
        const written = write(ready);
        await trx
          .updateTable('private_phases')
          .set({ status: 'revealed', closedAt: at })
          .where('boardId', '=', boardId)
          .where('id', '=', phaseId)
          .execute();
        if (written.written.length > 0)
          await trx
            .deleteFrom('private_drafts')
            .where('boardId', '=', boardId)
            .where('id', 'in', written.written)
            .execute();
        return { done: written };
      });
      if (outcome !== 'again') return outcome.done;
    }
  }

  /** The board's drafts, every author, oldest placement first. */
  async listDrafts(boardId: string): Promise<StoredDraft[]> {
    return (await this.#drafts(this.db).where('boardId', '=', boardId).execute()).map(readDraftRow);
  }

  async listDraftsOf(boardId: string, personId: string): Promise<StoredDraft[]> {
    const rows = await this.#drafts(this.db).where('boardId', '=', boardId).where('personId', '=', personId).execute();
    return rows.map(readDraftRow);
  }

  async getDraft(boardId: string, id: DraftId): Promise<StoredDraft | null> {
    const row = await this.#drafts(this.db).where('boardId', '=', boardId).where('id', '=', id).executeTakeFirst();
    return row ? readDraftRow(row) : null;
  }

  /**
   * Inserts a draft while the board has an open phase, in one statement that waits for a reveal
   * in progress (PostgreSQL: the phase row `FOR SHARE`): false if a draft with that id exists on
   * the board or no phase is open (any more). So a draft added while another instance reveals is
   * either in that reveal or refused, never acknowledged and left out.
   */
  async insertDraft(d: StoredDraft): Promise<boolean> {
    const { boardId: _, ...row } = draftRow(d);
    const phase = this.db
      .selectFrom('private_phases')
      .where('boardId', '=', d.boardId)
      .where('status', '=', 'open')
      .select((eb) => ['boardId', ...Object.entries(row).map(([column, value]) => eb.val(value).as(column))]);
    const result = await this.db
      .insertInto('private_drafts')
      .columns(['boardId', ...(Object.keys(row) as (keyof typeof row)[])])
      .expression(this.database.lock(phase, 'share'))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /**
   * Replaces the author's draft (same board, id and person); false if there is none. Like
   * deleteDraft, it waits for a reveal holding the draft, and then finds it gone if it became a note.
   */
  async updateDraft(d: StoredDraft): Promise<boolean> {
    const { boardId, id, personId, createdAt: _, noteId: __, ...changes } = draftRow(d);
    const result = await this.db
      .updateTable('private_drafts')
      .set(changes)
      .where('boardId', '=', boardId)
      .where('id', '=', id)
      .where('personId', '=', personId)
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /** Deletes the author's draft; false if there is none. */
  async deleteDraft(boardId: string, id: DraftId, personId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('private_drafts')
      .where('boardId', '=', boardId)
      .where('id', '=', id)
      .where('personId', '=', personId)
      .executeTakeFirst();
    return changed(result) === 1;
  }

  #phases() {
    return this.db.selectFrom('private_phases').selectAll();
  }

  #drafts(db: Kysely<PrivateWritingTables>) {
    return db.selectFrom('private_drafts').selectAll().orderBy('placedAt').orderBy('id');
  }
}

/** The row's columns only, whatever else the record carries. */
function draftRow(d: StoredDraft): PrivateWritingTables['private_drafts'] {
  const { boardId, id, personId, name, department, stageId, laneId, kind, text, placedAt, createdAt, updatedAt } = d;
  return {
    boardId,
    id,
    personId,
    name,
    department,
    stageId,
    laneId,
    kind,
    text,
    placedAt,
    createdAt,
    updatedAt,
    noteId: d.noteId,
  };
}

function readPhaseRow(r: PrivateWritingTables['private_phases']): StoredPhase {
  const { openedById, openedByName, ...phase } = r;
  return { ...phase, status: r.status as PhaseStatus, openedBy: { id: openedById, name: openedByName } };
}

/**
 * Ids are checked: a row that does not parse is a bug or tampering and fails loudly rather than
 * writing a note into a cell that was never asked for.
 */
function readDraftRow(row: PrivateWritingTables['private_drafts']): StoredDraft {
  const { id, stageId, laneId, noteId } = row;
  if (
    !isDraftId(id) ||
    !isRecordId('stage', stageId) ||
    !isRecordId('lane', laneId) ||
    (noteId !== null && !isRecordId('note', noteId))
  )
    throw new Error(`Malformed private draft row ${id} on board ${row.boardId}`);
  return {
    ...row,
    department: departmentSchema.catch('other').parse(row.department),
    kind: (NOTE_KINDS as readonly unknown[]).includes(row.kind) ? (row.kind as NoteKind) : null,
  };
}
