import type { BoardSnapshot } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { addNoteInCell, startEditing } from '../board/noteActions.ts';
import { connectorAt } from '../geometry/connectorRoutes.ts';
import { draftAt } from '../geometry/draftGeometry.ts';
import type { Point } from '../geometry/geometry.ts';
import type { Hit } from '../geometry/hitTest.ts';
import { hitTest } from '../geometry/hitTest.ts';
import type { BoardLayout } from '../geometry/layout.ts';

/**
 * What a double-click (or a double-tap) at board point `p` does: edit the draft or note there,
 * add a note to an empty cell, add a KPI, rename a header.
 */
export function openAt(session: BoardSession, layout: BoardLayout, board: BoardSnapshot, p: Point): void {
  if (session.model.readOnlyReason !== null) return;
  const { editor } = session;
  const draft = draftAt(layout, p);
  if (draft) {
    session.privateWriting.startEditing(draft);
    return;
  }
  const hit = hitTest(layout, board, p);
  if (hit.type === 'note') startEditing(session, hit.id);
  else if (hit.type === 'cell') addNoteInCell(session, hit.stageId, hit.laneId);
  else if (hit.type === 'kpi-cell')
    editor.update({ selection: new Set(), header: null, kpiEditor: { stageId: hit.stageId, kpiId: null } });
  else if (hit.type === 'stage-header') editor.update({ header: { type: 'stage', id: hit.stageId, renaming: true } });
  else if (hit.type === 'lane-label') editor.update({ header: { type: 'lane', id: hit.laneId, renaming: true } });
}

/** A click (or a tap) on a KPI or a header selects it; false for anything else. */
export function pickHeaderOrKpi(session: BoardSession, board: BoardSnapshot, hit: Hit): boolean {
  const { editor } = session;
  if (hit.type === 'kpi') {
    const kpi = board.kpis.find((k) => k.id === hit.id);
    if (kpi)
      editor.update({
        selection: new Set(),
        header: null,
        connector: null,
        kpiEditor: { stageId: kpi.stageId, kpiId: kpi.id },
      });
    return true;
  }
  if (hit.type === 'stage-header' || hit.type === 'lane-label') {
    const id = hit.type === 'stage-header' ? hit.stageId : hit.laneId;
    editor.update({
      selection: new Set(),
      connector: null,
      header: { type: hit.type === 'stage-header' ? 'stage' : 'lane', id, renaming: false },
    });
    return true;
  }
  return false;
}

/**
 * A click (or a tap) on a connector's path selects it, within `slop` screen pixels; false when
 * there is none. Connectors run between notes, so a note under the point always wins before this.
 */
export function pickConnector(session: BoardSession, board: BoardSnapshot, p: Point, slop: number): boolean {
  const { editor } = session;
  const id = connectorAt(session.layouts.routesFor(board), p, slop / editor.get().camera.scale);
  if (!id) return false;
  editor.update({ selection: new Set(), header: null, kpiEditor: null, connector: id });
  return true;
}
