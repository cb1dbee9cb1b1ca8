import type { RecordType } from '../schema/ids.ts';
import type { Kpi } from '../schema/kpi.ts';
import type { Lane } from '../schema/lane.ts';
import type { Note } from '../schema/note.ts';
import type { Stage } from '../schema/stage.ts';
import { sameJson } from './restore.ts';
import type { BoardSnapshot } from './snapshot.ts';

/** A board as plain JSON, for a read-only preview (a checkpoint) in the client. */
export interface BoardContent {
  readonly title: string;
  readonly stages: readonly Stage[];
  readonly lanes: readonly Lane[];
  /** In cell order; notes whose stage or lane is missing come last. */
  readonly notes: readonly Note[];
  /** Stage KPIs (schema 5); absent in content made before them. */
  readonly kpis?: readonly Kpi[];
}

export function boardContent(board: BoardSnapshot): BoardContent {
  return { title: board.meta.title, stages: board.stages, lanes: board.lanes, notes: board.notes, kpis: board.kpis };
}

interface DiffEntry {
  readonly id: string;
  readonly type: RecordType;
  /** What a person recognises it by: a stage or lane name, a note's text. */
  readonly label: string;
}

interface ChangedEntry extends DiffEntry {
  /** Which aspects changed, in words: `text`, `moved`, `kind`, `colour`, `name`, `order`, … */
  readonly what: readonly string[];
}

/** What happened between two versions of a board: `from` is the older (a checkpoint), `to` now. */
export interface BoardDiff {
  readonly title: { readonly from: string; readonly to: string } | null;
  readonly added: readonly DiffEntry[];
  readonly removed: readonly DiffEntry[];
  readonly changed: readonly ChangedEntry[];
}

type AnyRecord = Stage | Lane | Note | Kpi;

export function diffBoards(from: BoardContent, to: BoardContent): BoardDiff {
  const before = recordsOf(from);
  const after = recordsOf(to);
  const added: DiffEntry[] = [];
  const removed: DiffEntry[] = [];
  const changed: ChangedEntry[] = [];
  for (const [id, r] of after) if (!before.has(id)) added.push(entry(r));
  for (const [id, r] of before) if (!after.has(id)) removed.push(entry(r));
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) continue;
    const what = changesBetween(then, now);
    if (what.length > 0) changed.push({ ...entry(now), what });
  }
  return { title: from.title === to.title ? null : { from: from.title, to: to.title }, added, removed, changed };
}

function recordsOf(board: BoardContent): Map<string, AnyRecord> {
  const map = new Map<string, AnyRecord>();
  for (const r of [...board.stages, ...board.lanes, ...board.notes, ...(board.kpis ?? [])]) map.set(r.id, r);
  return map;
}

function entry(r: AnyRecord): DiffEntry {
  return {
    id: r.id,
    type: r.typeName,
    label: r.typeName === 'note' ? r.text : r.typeName === 'kpi' ? `KPI ${r.metric}` : r.name,
  };
}

function changesBetween(a: AnyRecord, b: AnyRecord): string[] {
  const what: string[] = [];
  if (a.typeName === 'note' && b.typeName === 'note') {
    if (a.text !== b.text) what.push('text');
    if (a.position.stageId !== b.position.stageId || a.position.laneId !== b.position.laneId) what.push('moved');
    else if (a.position.index !== b.position.index) what.push('order');
    if (a.kind !== b.kind) what.push('kind');
    if (a.colour !== b.colour) what.push('colour');
    if (a.sentiment !== b.sentiment) what.push('sentiment');
    if (a.department !== b.department) what.push('department');
    return what;
  }
  if (a.typeName === 'kpi' && b.typeName === 'kpi') {
    for (const f of ['value', 'target', 'previous', 'unit', 'direction', 'trend', 'metric'] as const)
      if (a[f] !== b[f]) what.push(f);
    return what;
  }
  if (a.typeName === 'note' || b.typeName === 'note' || a.typeName === 'kpi' || b.typeName === 'kpi') return what;
  if (a.name !== b.name) what.push('name');
  if (a.index !== b.index) what.push('order');
  if (a.typeName === 'stage' && b.typeName === 'stage' && a.description !== b.description) what.push('description');
  if (a.typeName === 'lane' && b.typeName === 'lane' && a.kind !== b.kind) what.push('kind');
  if (what.length === 0 && !sameJson(a, b)) what.push('details');
  return what;
}
