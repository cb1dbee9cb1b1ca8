import type { Department } from '../../shared/schema/department.ts';
import type { LaneId, NoteId, StageId } from '../../shared/schema/ids.ts';
import type { NoteKind } from '../../shared/schema/noteKind.ts';
import type { DraftId } from '../../shared/protocol/privateWriting.ts';

/**
 * Where private-writing phases and their drafts live (PrivateWritingRepository.ts, both databases,
 * one contract suite: privateWritingStoreContract.ts). Drafts never enter the board document
 * before the reveal; the database is their only home until then, so they survive reconnects and
 * restarts. Tables (docs/api.md, "Private writing"): `private_phases` (at most one `open` per
 * board, a unique partial index) and `private_drafts` (one row per draft, keyed by board and id).
 */
export interface PrivateWritingStore {
  /** Stores a new open phase; false (nothing stored) if the board has one open already. */
  openPhase(phase: NewPhase): Promise<boolean>;
  getOpenPhase(boardId: string): Promise<StoredPhase | null>;
  getPhase(boardId: string, phaseId: string): Promise<StoredPhase | null>;
  /** Every open phase tied to the timer, on every board (watched after a restart). */
  listTimedOpenPhases(): Promise<StoredPhase[]>;
  /** Cancels an open phase (compare-and-set: false if it was not open). Drafts are kept. */
  cancelPhase(boardId: string, phaseId: string, at: number): Promise<boolean>;
  /**
   * The reveal, once however many instances attempt it. Gives each draft of the board that has
   * none the id of its future note (committed first: a reveal interrupted after `write` is
   * retried without duplicates), then, holding the open phase and the board's drafts so that no
   * draft is added, changed or removed meanwhile (PostgreSQL: `FOR UPDATE`; SQLite: one
   * synchronous transaction), calls `write` with every draft, closes the phase as revealed and
   * deletes the drafts `write` says it wrote, in one database transaction. Resolves null, without
   * calling `write`, if the phase is not open (any more): another reveal or a cancel came first.
   * `write` is synchronous (one Yjs transaction) and holds the lock only as long as it runs.
   */
  revealPhase<T extends RevealWrite>(
    boardId: string,
    phaseId: string,
    at: number,
    newNoteId: () => NoteId,
    write: (drafts: readonly RevealableDraft[]) => T,
  ): Promise<T | null>;

  /** The board's drafts, every author, oldest placement first. */
  listDrafts(boardId: string): Promise<StoredDraft[]>;
  listDraftsOf(boardId: string, personId: string): Promise<StoredDraft[]>;
  getDraft(boardId: string, id: DraftId): Promise<StoredDraft | null>;
  /**
   * Inserts a draft while the board has an open phase, in one statement that waits for a reveal
   * in progress (PostgreSQL: the phase row `FOR SHARE`): false if a draft with that id exists on
   * the board or no phase is open (any more). So a draft added while another instance reveals is
   * either in that reveal or refused, never acknowledged and left out.
   */
  insertDraft(draft: StoredDraft): Promise<boolean>;
  /**
   * Replaces the author's draft (same board, id and person); false if there is none. Like
   * deleteDraft, it waits for a reveal holding the draft, and then finds it gone if it became a note.
   */
  updateDraft(draft: StoredDraft): Promise<boolean>;
  /** Deletes the author's draft; false if there is none. */
  deleteDraft(boardId: string, id: DraftId, personId: string): Promise<boolean>;
}

/** What a reveal's `write` reports: the drafts that are notes in the document now. */
export interface RevealWrite {
  readonly written: readonly DraftId[];
}

/** A draft at the reveal: it has the id of the note it becomes. */
export type RevealableDraft = StoredDraft & { readonly noteId: NoteId };

export type PhaseStatus = 'open' | 'revealed' | 'cancelled';

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

export interface StoredDraft {
  readonly boardId: string;
  readonly id: DraftId;
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  readonly stageId: StageId;
  readonly laneId: LaneId;
  readonly kind: NoteKind | null;
  readonly text: string;
  readonly placedAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Set just before a reveal writes it; the note's id in the document. */
  readonly noteId: NoteId | null;
}
