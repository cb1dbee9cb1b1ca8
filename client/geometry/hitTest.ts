import type { BoardSnapshot, KpiId, LaneId, NoteId, StageId } from '../../shared/index.ts';
import { cellKey } from '../../shared/index.ts';
import { contains, intersects, type Point, type Rect } from './geometry.ts';
import { CELL_PAD, GAP, HEADER_H, LABEL_W, NOTE_H, NOTE_W, type BoardLayout } from './layout.ts';

export type Hit =
  | { readonly type: 'note'; readonly id: NoteId }
  | { readonly type: 'cell'; readonly stageId: StageId; readonly laneId: LaneId }
  | { readonly type: 'stage-header'; readonly stageId: StageId }
  | { readonly type: 'lane-label'; readonly laneId: LaneId }
  | { readonly type: 'kpi'; readonly id: KpiId }
  | { readonly type: 'kpi-cell'; readonly stageId: StageId }
  | { readonly type: 'none' };

function stageAt(layout: BoardLayout, x: number) {
  return layout.stages.find((s) => x >= s.x && x < s.x + s.width);
}

function laneAt(layout: BoardLayout, y: number) {
  return layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
}

/** What is under a board point: a note, an empty part of a cell, a header, or nothing. */
export function hitTest(layout: BoardLayout, board: BoardSnapshot, p: Point): Hit {
  const stage = stageAt(layout, p.x);
  const lane = laneAt(layout, p.y);
  if (stage && p.y >= 0 && p.y < HEADER_H) return { type: 'stage-header', stageId: stage.id };
  if (lane && p.x >= 0 && p.x < LABEL_W) return { type: 'lane-label', laneId: lane.id };
  if (stage && lane) {
    for (const n of board.cells.get(cellKey(stage.id, lane.id)) ?? []) {
      const r = layout.notes.get(n.id);
      if (r && contains(r, p)) return { type: 'note', id: n.id };
    }
    return { type: 'cell', stageId: stage.id, laneId: lane.id };
  }
  if (stage && p.y >= layout.kpiRow.y && p.y < layout.kpiRow.y + layout.kpiRow.height) {
    for (const k of board.kpisByStage.get(stage.id) ?? []) {
      const r = layout.kpis.get(k.id);
      if (r && contains(r, p)) return { type: 'kpi', id: k.id };
    }
    return { type: 'kpi-cell', stageId: stage.id };
  }
  if (layout.orphanStrip && contains(layout.orphanStrip, p))
    for (const n of board.orphanNotes) {
      const r = layout.notes.get(n.id);
      if (r && contains(r, p)) return { type: 'note', id: n.id };
    }
  return { type: 'none' };
}

export interface DropTarget {
  readonly stageId: StageId;
  readonly laneId: LaneId;
  /** Insertion position among the cell's notes that are not being dragged. */
  readonly position: number;
}

/** Where dropped notes land: the cell under the point and the slot nearest to it. */
export function dropTargetAt(
  layout: BoardLayout,
  board: BoardSnapshot,
  p: Point,
  dragged: ReadonlySet<string>,
): DropTarget | null {
  const stage = stageAt(layout, p.x);
  const lane = laneAt(layout, p.y);
  if (!stage || !lane) return null;
  const others = (board.cells.get(cellKey(stage.id, lane.id)) ?? []).filter((n) => !dragged.has(n.id));
  const col = Math.max(0, Math.min(stage.cols - 1, Math.floor((p.x - stage.x - CELL_PAD + GAP / 2) / (NOTE_W + GAP))));
  const row = Math.max(0, Math.floor((p.y - lane.contentY - CELL_PAD + GAP / 2) / (NOTE_H + GAP)));
  const inSlotX = p.x - (stage.x + CELL_PAD + col * (NOTE_W + GAP));
  const slot = row * stage.cols + col + (inSlotX > NOTE_W / 2 ? 1 : 0);
  return { stageId: stage.id, laneId: lane.id, position: Math.min(slot, others.length) };
}

export function notesInRect(layout: BoardLayout, r: Rect): NoteId[] {
  const out: NoteId[] = [];
  for (const [id, nr] of layout.notes) if (intersects(nr, r)) out.push(id);
  return out;
}

export function cellRect(layout: BoardLayout, stageId: StageId, laneId: LaneId): Rect | null {
  const s = layout.stages.find((x) => x.id === stageId);
  const l = layout.lanes.find((x) => x.id === laneId);
  return s && l ? { x: s.x, y: l.y, width: s.width, height: l.height } : null;
}
