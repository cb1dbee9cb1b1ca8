import type { LaneId, StageId } from '../schema/ids.ts';
import type { NoteKind } from '../schema/noteKind.ts';
import type { BoardSnapshot } from './snapshot.ts';

/**
 * The cell a private draft lands in, used by the server's reveal and by
 * the author's canvas alike. A draft whose stage or lane was removed while it was private is never
 * dropped: a missing stage becomes the first stage, a missing lane the first lane of the draft's
 * kind (else the first lane). null only when the board has no stage or no lane at all.
 */
export function draftCell(
  board: Pick<BoardSnapshot, 'stages' | 'lanes'>,
  draft: { readonly stageId: StageId; readonly laneId: LaneId; readonly kind: NoteKind | null },
): { stageId: StageId; laneId: LaneId; moved: boolean } | null {
  const stage = board.stages.find((s) => s.id === draft.stageId) ?? board.stages[0];
  const lane =
    board.lanes.find((l) => l.id === draft.laneId) ??
    (draft.kind ? board.lanes.find((l) => l.kind === draft.kind) : undefined) ??
    board.lanes[0];
  if (!stage || !lane) return null;
  return { stageId: stage.id, laneId: lane.id, moved: stage.id !== draft.stageId || lane.id !== draft.laneId };
}
