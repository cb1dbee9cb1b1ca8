import { departmentSchema } from '../../shared/schema/department.ts';
import { isRecordId, type LaneId, type NoteId, type StageId } from '../../shared/schema/ids.ts';
import { NOTE_KINDS, type NoteKind } from '../../shared/schema/noteKind.ts';
import { isDraftId } from '../../shared/protocol/privateWriting.ts';
import type { PhaseStatus, StoredDraft, StoredPhase } from './PrivateWritingStore.ts';

/** A row of either database as a typed phase. */
export function readPhaseRow(row: Record<string, unknown>): StoredPhase {
  return {
    id: String(row.id),
    boardId: String(row.board_id),
    status: String(row.status) as PhaseStatus,
    openedAt: Number(row.opened_at),
    openedBy: { id: String(row.opened_by_id), name: String(row.opened_by_name) },
    timerRun: row.timer_run === null || row.timer_run === undefined ? null : Number(row.timer_run),
    closedAt: row.closed_at === null || row.closed_at === undefined ? null : Number(row.closed_at),
  };
}

/**
 * A row as a typed draft. Ids are checked: a row that does not parse is a bug or tampering and
 * fails loudly rather than writing a note into a cell that was never asked for.
 */
export function readDraftRow(row: Record<string, unknown>): StoredDraft {
  const id = String(row.id);
  const stageId = String(row.stage_id);
  const laneId = String(row.lane_id);
  const noteId = row.note_id === null || row.note_id === undefined ? null : String(row.note_id);
  if (
    !isDraftId(id) ||
    !isRecordId('stage', stageId) ||
    !isRecordId('lane', laneId) ||
    (noteId !== null && !isRecordId('note', noteId))
  ) {
    throw new Error(`Malformed private draft row ${id} on board ${String(row.board_id)}`);
  }
  const kind = (NOTE_KINDS as readonly unknown[]).includes(row.kind) ? (row.kind as NoteKind) : null;
  return {
    boardId: String(row.board_id),
    id,
    personId: String(row.person_id),
    name: String(row.name),
    department: departmentSchema.catch('other').parse(row.department),
    stageId: stageId as StageId,
    laneId: laneId as LaneId,
    kind,
    text: String(row.text),
    placedAt: Number(row.placed_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    noteId: noteId as NoteId | null,
  };
}
