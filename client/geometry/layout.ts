import type { BoardSnapshot, KpiId, LaneId, NoteId, StageId } from '../../shared/index.ts';
import { cellKey, draftCell, type Draft } from '../../shared/index.ts';
import type { Rect } from './geometry.ts';

export const NOTE_W = 176;
export const NOTE_H = 112;
export const GAP = 12;
export const CELL_PAD = 14;
export const HEADER_H = 72;
export const LABEL_W = 188;
const MIN_COLS = 2;
const MAX_COLS = 8;

interface StageBox {
  readonly id: StageId;
  readonly x: number;
  readonly width: number;
  readonly cols: number;
}

interface LaneBox {
  readonly id: LaneId;
  readonly y: number;
  readonly height: number;
  /** Where its notes start: below the emotion curve's band in the Emotions lane, else `y`. */
  readonly contentY: number;
}

/** Height of the emotion curve's band at the top of the (first) Emotions lane. */
export const CURVE_BAND_H = 176;

/** Where everything sits on the board, in board coordinates. Cells grow to fit their notes. */
export interface BoardLayout {
  readonly stages: readonly StageBox[];
  readonly lanes: readonly LaneBox[];
  readonly notes: ReadonlyMap<NoteId, Rect>;
  /** Notes whose stage or lane is gone sit in a strip under the grid, never hidden. */
  readonly orphanStrip: Rect | null;
  /** The band where the emotion curve is drawn, if the board has an Emotions lane. */
  readonly curveBand: Rect | null;
  /** The KPI row under the lanes (always there, so editors can add the first KPI). */
  readonly kpiRow: { readonly y: number; readonly height: number };
  /** Each shown KPI's card (KPIs of existing stages only). */
  readonly kpis: ReadonlyMap<KpiId, Rect>;
  /** My private drafts (private writing), each after the notes of its cell; the cells grow to fit them. */
  readonly drafts: ReadonlyMap<string, Rect>;
  /** Cells (cellKey) holding none of the board's notes and none of my drafts: they show the "add" hint. */
  readonly emptyCells: ReadonlySet<string>;
  readonly width: number;
  readonly height: number;
}

export function slotRect(origin: { x: number; y: number }, cols: number, i: number): Rect {
  const col = i % cols;
  const row = Math.floor(i / cols);
  return {
    x: origin.x + CELL_PAD + col * (NOTE_W + GAP),
    y: origin.y + CELL_PAD + row * (NOTE_H + GAP),
    width: NOTE_W,
    height: NOTE_H,
  };
}

function span(count: number, height = NOTE_H): number {
  return count * height + (count - 1) * GAP + 2 * CELL_PAD;
}

/** A KPI card: as wide as a note, lower. */
export const KPI_H = 88;

const NO_DRAFTS: readonly Draft[] = [];

/** Drafts per cell (draftCell: a removed stage or lane shows them where the reveal would put them). */
function draftsByCell(board: BoardSnapshot, drafts: readonly Draft[]): Map<string, Draft[]> {
  const byCell = new Map<string, Draft[]>();
  for (const d of drafts) {
    const cell = draftCell(board, d);
    if (!cell) continue;
    const key = cellKey(cell.stageId, cell.laneId);
    byCell.set(key, [...(byCell.get(key) ?? []), d]);
  }
  return byCell;
}

export function computeLayout(board: BoardSnapshot, myDrafts: readonly Draft[] = NO_DRAFTS): BoardLayout {
  const drafted = draftsByCell(board, myDrafts);
  const inCell = (key: string) => (board.cells.get(key)?.length ?? 0) + (drafted.get(key)?.length ?? 0);
  const stages: StageBox[] = [];
  let x = LABEL_W;
  for (const s of board.stages) {
    let most = 0;
    for (const l of board.lanes) most = Math.max(most, inCell(cellKey(s.id, l.id)));
    const cols = Math.min(MAX_COLS, Math.max(MIN_COLS, Math.ceil(Math.sqrt(most / 2))));
    const width = cols * NOTE_W + (cols - 1) * GAP + 2 * CELL_PAD;
    stages.push({ id: s.id, x, width, cols });
    x += width;
  }
  const lanes: LaneBox[] = [];
  let y = HEADER_H;
  const curveLane = board.lanes.find((l) => l.kind === 'emotion')?.id;
  for (const l of board.lanes) {
    let rows = 1;
    for (const s of stages) {
      const n = inCell(cellKey(s.id, l.id));
      rows = Math.max(rows, Math.ceil(n / s.cols));
    }
    const band = l.id === curveLane ? CURVE_BAND_H : 0;
    const height = band + span(rows);
    lanes.push({ id: l.id, y, height, contentY: y + band });
    y += height;
  }
  // The KPI row: as many card rows as the stage with the most KPIs needs (at least one).
  let kpiRows = 1;
  for (const s of stages) kpiRows = Math.max(kpiRows, Math.ceil((board.kpisByStage.get(s.id)?.length ?? 0) / s.cols));
  const kpiRow = { y, height: span(kpiRows, KPI_H) };
  const kpis = new Map<KpiId, Rect>();
  for (const s of stages)
    board.kpisByStage.get(s.id)?.forEach((k, i) => {
      const col = i % s.cols;
      const row = Math.floor(i / s.cols);
      kpis.set(k.id, {
        x: s.x + CELL_PAD + col * (NOTE_W + GAP),
        y: y + CELL_PAD + row * (KPI_H + GAP),
        width: NOTE_W,
        height: KPI_H,
      });
    });
  y += kpiRow.height;
  const notes = new Map<NoteId, Rect>();
  const drafts = new Map<string, Rect>();
  const emptyCells = new Set<string>();
  for (const s of stages)
    for (const l of lanes) {
      const list = board.cells.get(cellKey(s.id, l.id));
      if (!list?.length && !drafted.has(cellKey(s.id, l.id))) emptyCells.add(cellKey(s.id, l.id));
      list?.forEach((n, i) => notes.set(n.id, slotRect({ x: s.x, y: l.contentY }, s.cols, i)));
      const count = list?.length ?? 0;
      drafted
        .get(cellKey(s.id, l.id))
        ?.forEach((d, i) => drafts.set(d.id, slotRect({ x: s.x, y: l.contentY }, s.cols, count + i)));
    }
  let orphanStrip: Rect | null = null;
  const width = Math.max(x, LABEL_W + 400);
  if (board.orphanNotes.length > 0) {
    const cols = Math.max(1, Math.floor((width - LABEL_W - 2 * CELL_PAD + GAP) / (NOTE_W + GAP)));
    const rows = Math.ceil(board.orphanNotes.length / cols);
    orphanStrip = { x: LABEL_W, y: y + 24, width: width - LABEL_W, height: span(rows) };
    board.orphanNotes.forEach((n, i) => notes.set(n.id, slotRect(orphanStrip!, cols, i)));
    y = orphanStrip.y + orphanStrip.height;
  }
  const curveBox = lanes.find((l) => l.id === curveLane);
  const right = stages.at(-1) ? stages.at(-1)!.x + stages.at(-1)!.width : LABEL_W;
  const curveBand = curveBox ? { x: LABEL_W, y: curveBox.y, width: right - LABEL_W, height: CURVE_BAND_H } : null;
  return { stages, lanes, notes, orphanStrip, curveBand, kpiRow, kpis, drafts, emptyCells, width, height: y };
}

/**
 * Whether two snapshots put everything in the same place: same stages, lanes, KPIs and orphans
 * (by identity: a patched snapshot keeps them) and the same notes in the same order in each cell.
 * A note's text, colour or votes never move anything, so a remote edit reuses the layout.
 */
export function sameArrangement(a: BoardSnapshot, b: BoardSnapshot): boolean {
  if (
    a.stages !== b.stages ||
    a.lanes !== b.lanes ||
    a.kpisByStage !== b.kpisByStage ||
    a.orphanNotes !== b.orphanNotes
  )
    return false;
  if (a.cells.size !== b.cells.size) return false;
  for (const [key, list] of b.cells) {
    const before = a.cells.get(key);
    if (!before || before.length !== list.length) return false;
    if (before !== list) for (let i = 0; i < list.length; i++) if (before[i]!.id !== list[i]!.id) return false;
  }
  return true;
}
