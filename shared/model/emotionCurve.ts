import { DEPARTMENT_STYLE, DEPARTMENTS, type Department } from '../schema/department.ts';
import type { NoteId, StageId } from '../schema/ids.ts';
import type { Note } from '../schema/note.ts';
import type { BoardSnapshot } from './snapshot.ts';

/** One stage's emotion: the mean sentiment of its emotion notes and their range. */
interface CurvePoint {
  readonly stageId: StageId;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly noteIds: readonly NoteId[];
}

export interface CurveSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  /** One entry per stage, in stage order; null where the stage has no emotion notes. */
  readonly points: readonly (CurvePoint | null)[];
}

export type CurveGrouping = 'all' | 'department' | 'persona';

const ALL_COLOUR = '#4f46e5';

function point(stageId: StageId, notes: readonly Note[]): CurvePoint | null {
  if (notes.length === 0) return null;
  const values = notes.map((n) => n.sentiment!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { stageId, mean, min: Math.min(...values), max: Math.max(...values), noteIds: notes.map((n) => n.id) };
}

/** The notes the curve is made of: emotion notes with a sentiment, in board order. */
export function emotionNotes(board: BoardSnapshot): Note[] {
  return board.notes.filter((n) => n.kind === 'emotion' && n.sentiment !== null);
}

/**
 * The emotion curve, computed live from the team's own emotion notes (kind emotion, with a
 * sentiment), wherever they sit in a stage. Grouped by department or persona, a series appears
 * only for a department that wrote, or a persona tagged on, at least one emotion note.
 */
export function emotionCurve(board: BoardSnapshot, grouping: CurveGrouping = 'all'): CurveSeries[] {
  const emotions = emotionNotes(board);
  const byStage = (subset: readonly Note[]) =>
    board.stages.map((s) =>
      point(
        s.id,
        subset.filter((n) => n.position.stageId === s.id),
      ),
    );
  if (grouping === 'all') return [{ key: 'all', label: 'Everyone', colour: ALL_COLOUR, points: byStage(emotions) }];
  if (grouping === 'persona')
    return board.personas.flatMap((p) => {
      const subset = emotions.filter((n) => n.personaIds.includes(p.id));
      return subset.length ? [{ key: p.id, label: p.name, colour: p.colour, points: byStage(subset) }] : [];
    });
  const series: CurveSeries[] = [];
  for (const d of DEPARTMENTS) {
    const subset = emotions.filter((n) => n.department === d);
    if (subset.length === 0) continue;
    series.push({
      key: d,
      label: DEPARTMENT_STYLE[d as Department].label,
      colour: DEPARTMENT_STYLE[d].colour,
      points: byStage(subset),
    });
  }
  return series;
}

export interface PathCurvePoint {
  readonly noteId: NoteId;
  readonly sentiment: number;
}

/**
 * The emotion curve along a path instead of the stage columns: the sentiment of each note on the
 * path that has one, in walking order (a loop's return shows as the curve going back). A note
 * without a sentiment (most touchpoints) adds no point; `notes` says how many the path has.
 */
export function pathCurve(
  board: BoardSnapshot,
  noteIds: readonly NoteId[],
): { points: PathCurvePoint[]; notes: number } {
  const points: PathCurvePoint[] = [];
  for (const id of noteIds) {
    const sentiment = board.notesById.get(id)?.sentiment;
    if (sentiment !== null && sentiment !== undefined) points.push({ noteId: id, sentiment });
  }
  return { points, notes: noteIds.length };
}
