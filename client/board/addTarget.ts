import type { LaneId, NoteKind, StageId } from '../../shared/index.ts';

export interface Cell {
  readonly stageId: StageId;
  readonly laneId: LaneId;
}

interface Grid {
  readonly stages: readonly { readonly id: StageId }[];
  readonly lanes: readonly { readonly id: LaneId; readonly kind: NoteKind }[];
}

/**
 * Where the toolbar's "Add → kind" puts the note. The stage is the picked cell's (the selected
 * note's, else the last clicked cell's), else the stage in the middle of the view. The lane is the
 * picked one when it holds that kind, else the first lane of that kind, else the picked lane: a
 * person who clicked a cell and asks for a kind that has its own lane means that lane, in that
 * stage. Null when the board has no cells.
 */
export function toolbarAddCell(
  grid: Grid,
  kind: NoteKind,
  picked: Cell | null,
  centreStage: StageId | null,
): Cell | null {
  const stageOk = (id: StageId | undefined | null) => (id && grid.stages.some((s) => s.id === id) ? id : undefined);
  const pickedLane = picked ? grid.lanes.find((l) => l.id === picked.laneId) : undefined;
  const stageId = stageOk(picked?.stageId) ?? stageOk(centreStage) ?? grid.stages[0]?.id;
  const lane =
    (pickedLane?.kind === kind ? pickedLane : undefined) ??
    grid.lanes.find((l) => l.kind === kind) ??
    pickedLane ??
    grid.lanes[0];
  return stageId && lane ? { stageId, laneId: lane.id } : null;
}
