import { DEPARTMENTS, type Department } from '../schema/department.ts';
import type { StageId } from '../schema/ids.ts';
import type { BoardSnapshot } from './snapshot.ts';

/** Notes per department per stage: where each team has (not) contributed. */
export interface Coverage {
  readonly stages: readonly { readonly id: StageId; readonly name: string }[];
  /** counts[department][stageIndex] */
  readonly counts: Readonly<Record<Department, readonly number[]>>;
  readonly totals: Readonly<Record<Department, number>>;
  /** Stages where no department other than `other` wrote anything are not gaps: they are empty. */
  readonly gaps: readonly { readonly department: Department; readonly stageId: StageId }[];
}

export function departmentCoverage(board: BoardSnapshot): Coverage {
  const stageIndex = new Map(board.stages.map((s, i) => [s.id, i]));
  const counts = Object.fromEntries(DEPARTMENTS.map((d) => [d, board.stages.map(() => 0)])) as Record<
    Department,
    number[]
  >;
  for (const n of board.notes) {
    const i = stageIndex.get(n.position.stageId);
    if (i !== undefined) counts[n.department][i]!++;
  }
  const totals = Object.fromEntries(DEPARTMENTS.map((d) => [d, counts[d].reduce((a, b) => a + b, 0)])) as Record<
    Department,
    number
  >;
  // A gap: a team that takes part in the board (wrote something) but nothing in this stage.
  const gaps = DEPARTMENTS.filter((d) => d !== 'other' && totals[d] > 0).flatMap((d) =>
    board.stages.filter((_, i) => counts[d][i] === 0).map((s) => ({ department: d, stageId: s.id })),
  );
  return { stages: board.stages.map((s) => ({ id: s.id, name: s.name })), counts, totals, gaps };
}
