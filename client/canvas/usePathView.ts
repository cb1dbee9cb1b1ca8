import { useMemo } from 'react';
import {
  pathCurve,
  pathNoteIds,
  type BoardSnapshot,
  type ConnectorId,
  type CurveGrouping,
  type JourneyPath,
  type NoteId,
} from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { useEditor, useSession } from '../board/hooks.ts';
import { usePathHighlight } from '../board/pathHighlight.ts';
import { plotPathCurve, type PlottedSeries } from '../geometry/curveGeometry.ts';
import type { Rect } from '../geometry/geometry.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import type { PathMarks } from './ConnectorsLayer.tsx';

/**
 * What the canvas draws for the paths shown from a start note: the notes to keep bright, the
 * connector marks, and the emotion curve (along the chosen path when the curve follows it).
 */
export function usePathView(
  board: BoardSnapshot,
  layout: BoardLayout,
): { onPath: ReadonlySet<NoteId> | null; marks: PathMarks | null; curve: readonly PlottedSeries[] } {
  const session = useSession();
  const highlight = usePathHighlight();
  const grouping = useEditor((s) => s.curveGrouping);
  const alongPath = useEditor((s) => s.curveAlongPath);
  const marks = useMemo((): PathMarks | null => {
    if (!highlight) return null;
    const { from, chosen } = highlight;
    const connectorIds = chosen
      ? new Set(chosen.steps.flatMap((s) => (s.via ? [s.via.id] : [])))
      : (from.connectorIds as ReadonlySet<ConnectorId>);
    const last = chosen?.steps.at(-1);
    const loops = chosen ? new Set(chosen.end === 'loop' && last?.via ? [last.via.id] : []) : from.loopConnectorIds;
    const dropOutIds = chosen ? (chosen.end === 'drop-out' && last ? [last.noteId] : []) : [...from.dropOutNoteIds];
    const dropOuts = dropOutIds.map((id) => layout.notes.get(id)).filter((r): r is Rect => r !== undefined);
    return { connectorIds, loopConnectorIds: loops, dropOuts };
  }, [highlight, layout]);
  const chosen = highlight?.chosen ?? null;
  const curve = useMemo(
    () => plottedCurve(session, board, layout, grouping, alongPath ? chosen : null),
    [alongPath, chosen, layout, board, grouping, session],
  );
  return { onPath: highlight?.noteIds ?? null, marks, curve };
}

/** The curve as drawn (and hovered): along `path` when given, else by stage in the chosen grouping. */
export function plottedCurve(
  session: BoardSession,
  board: BoardSnapshot,
  layout: BoardLayout,
  grouping: CurveGrouping,
  path: JourneyPath | null,
): readonly PlottedSeries[] {
  return path
    ? plotPathCurve(layout, pathCurve(board, pathNoteIds(path)).points, 'Along the path')
    : session.layouts.curveFor(board, grouping);
}
