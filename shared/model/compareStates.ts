import type { ChannelId, KpiId, NoteId, StageId } from '../schema/ids.ts';
import type { Kpi } from '../schema/kpi.ts';
import type { Note } from '../schema/note.ts';
import type { BoardSnapshot } from './boardSnapshot.ts';

/** A pain point on the compare: its text on the board it is listed from, and the current text when the future changed it. */
export interface ComparedPain {
  readonly id: NoteId;
  readonly text: string;
  /** The current state's text when the future state rewrote a kept pain point; else null. */
  readonly before: string | null;
}

/** A touchpoint as one board has it. */
export interface TouchpointSide {
  readonly text: string;
  /** The channel's name on that board, or null for none. */
  readonly channel: string | null;
}

interface TouchpointChange {
  readonly id: NoteId;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: TouchpointSide | null;
  readonly after: TouchpointSide | null;
}

interface KpiTarget {
  readonly value: number | null;
  readonly target: number | null;
}

/** One metric of a stage on both boards (matched by id, which is the stage's and the metric's). */
export interface ComparedKpi {
  readonly id: KpiId;
  readonly metric: string;
  readonly unit: string;
  readonly current: KpiTarget | null;
  readonly future: KpiTarget | null;
}

export interface StageComparison {
  readonly stageId: StageId;
  readonly name: string;
  /** Whether the stage is on both boards, or only on one (removed from, or added to, the future). */
  readonly on: 'both' | 'current' | 'future';
  readonly pains: {
    readonly removed: readonly ComparedPain[];
    readonly kept: readonly ComparedPain[];
    readonly added: readonly ComparedPain[];
  };
  /** Touchpoints added, removed, or changed (text, channel or stage); unchanged ones are left out. */
  readonly touchpoints: readonly TouchpointChange[];
  /** Channel names the stage's touchpoints use, on each board, and the difference. */
  readonly channels: {
    readonly current: readonly string[];
    readonly future: readonly string[];
    readonly added: readonly string[];
    readonly dropped: readonly string[];
  };
  readonly kpis: readonly ComparedKpi[];
}

export interface StateComparison {
  readonly current: { readonly id: string; readonly title: string };
  readonly future: { readonly id: string; readonly title: string };
  readonly stages: readonly StageComparison[];
  readonly totals: {
    readonly painsRemoved: number;
    readonly painsKept: number;
    readonly painsAdded: number;
    readonly touchpointsChanged: number;
  };
}

/**
 * What the future state changes, stage by stage. Notes are matched by id: the future board's
 * copies keep their source notes' ids (writeFutureState), so an id on both boards is one note.
 *
 * - A pain point is *kept* when its note is still a pain point on the future board (listed under
 *   its future stage, with the old text when it was rewritten), *removed* when its note is gone or
 *   no longer a pain point (under its current stage), and *added* when a future pain point has no
 *   current pain point with its id.
 * - A touchpoint has *changed* when its text, channel or stage differs; unchanged ones are not listed.
 * - Notes whose stage or lane is missing (orphans) are on neither side: they sit in no stage.
 * - Stages follow the future board's order; stages only the current board has come last.
 */
export function compareStates(current: BoardSnapshot, future: BoardSnapshot): StateComparison {
  const rows = stageRows(current, future);
  const byStage = new Map(rows.map((r) => [r.stageId, r]));
  const placed = (board: BoardSnapshot) => {
    const stages = new Set(board.stages.map((s) => s.id));
    const lanes = new Set(board.lanes.map((l) => l.id));
    return new Map(
      board.notes
        .filter((n) => stages.has(n.position.stageId) && lanes.has(n.position.laneId))
        .map((n) => [n.id, n] as const),
    );
  };
  const before = placed(current);
  const after = placed(future);

  for (const note of before.values()) {
    if (note.kind !== 'pain') continue;
    const later = after.get(note.id);
    if (later?.kind === 'pain')
      byStage
        .get(later.position.stageId)!
        .kept.push({ id: note.id, text: later.text, before: later.text === note.text ? null : note.text });
    else byStage.get(note.position.stageId)!.removed.push({ id: note.id, text: note.text, before: null });
  }
  for (const note of after.values())
    if (note.kind === 'pain' && before.get(note.id)?.kind !== 'pain')
      byStage.get(note.position.stageId)!.added.push({ id: note.id, text: note.text, before: null });

  const channelName = (board: BoardSnapshot) => {
    const names = new Map(board.channels.map((c) => [c.id, c.name] as const));
    return (id: ChannelId | null) => (id ? (names.get(id) ?? null) : null);
  };
  const nameBefore = channelName(current);
  const nameAfter = channelName(future);
  const side = (note: Note, name: (id: ChannelId | null) => string | null): TouchpointSide => ({
    text: note.text,
    channel: name(note.channelId),
  });
  for (const note of before.values()) {
    if (note.kind !== 'touchpoint') continue;
    const later = after.get(note.id);
    const was = side(note, nameBefore);
    if (later?.kind !== 'touchpoint') {
      byStage
        .get(note.position.stageId)!
        .touchpoints.push({ id: note.id, change: 'removed', before: was, after: null });
      continue;
    }
    const is = side(later, nameAfter);
    if (was.text !== is.text || was.channel !== is.channel || note.position.stageId !== later.position.stageId)
      byStage.get(later.position.stageId)!.touchpoints.push({ id: note.id, change: 'changed', before: was, after: is });
  }
  for (const note of after.values())
    if (note.kind === 'touchpoint' && before.get(note.id)?.kind !== 'touchpoint')
      byStage
        .get(note.position.stageId)!
        .touchpoints.push({ id: note.id, change: 'added', before: null, after: side(note, nameAfter) });

  const stageChannels = (notes: Iterable<Note>, name: (id: ChannelId | null) => string | null) => {
    const used = new Map<StageId, Set<string>>();
    for (const n of notes) {
      const channel = n.kind === 'touchpoint' ? name(n.channelId) : null;
      if (!channel) continue;
      const set = used.get(n.position.stageId) ?? new Set<string>();
      used.set(n.position.stageId, set.add(channel));
    }
    return used;
  };
  const channelsBefore = stageChannels(before.values(), nameBefore);
  const channelsAfter = stageChannels(after.values(), nameAfter);

  const stages = rows.map((row): StageComparison => {
    const was = [...(channelsBefore.get(row.stageId) ?? [])].sort();
    const is = [...(channelsAfter.get(row.stageId) ?? [])].sort();
    return {
      stageId: row.stageId,
      name: row.name,
      on: row.on,
      pains: { removed: row.removed, kept: row.kept, added: row.added },
      touchpoints: row.touchpoints,
      channels: {
        current: was,
        future: is,
        added: is.filter((c) => !was.includes(c)),
        dropped: was.filter((c) => !is.includes(c)),
      },
      kpis: compareKpis(current.kpisByStage.get(row.stageId) ?? [], future.kpisByStage.get(row.stageId) ?? []),
    };
  });
  const sum = (f: (s: StageComparison) => number) => stages.reduce((n, s) => n + f(s), 0);
  return {
    current: { id: current.meta.boardId, title: current.meta.title },
    future: { id: future.meta.boardId, title: future.meta.title },
    stages,
    totals: {
      painsRemoved: sum((s) => s.pains.removed.length),
      painsKept: sum((s) => s.pains.kept.length),
      painsAdded: sum((s) => s.pains.added.length),
      touchpointsChanged: sum((s) => s.touchpoints.length),
    },
  };
}

interface StageRow {
  readonly stageId: StageId;
  readonly name: string;
  readonly on: StageComparison['on'];
  readonly removed: ComparedPain[];
  readonly kept: ComparedPain[];
  readonly added: ComparedPain[];
  readonly touchpoints: TouchpointChange[];
}

function stageRows(current: BoardSnapshot, future: BoardSnapshot): StageRow[] {
  const inCurrent = new Set(current.stages.map((s) => s.id));
  const inFuture = new Set(future.stages.map((s) => s.id));
  const row = (stageId: StageId, name: string, on: StageComparison['on']): StageRow => ({
    stageId,
    name,
    on,
    removed: [],
    kept: [],
    added: [],
    touchpoints: [],
  });
  return [
    ...future.stages.map((s) => row(s.id, s.name, inCurrent.has(s.id) ? 'both' : 'future')),
    ...current.stages.filter((s) => !inFuture.has(s.id)).map((s) => row(s.id, s.name, 'current')),
  ];
}

function compareKpis(current: readonly Kpi[], future: readonly Kpi[]): ComparedKpi[] {
  const target = (k: Kpi | undefined): KpiTarget | null => (k ? { value: k.value, target: k.target } : null);
  const was = new Map(current.map((k) => [k.id, k]));
  const ids = [
    ...future.map((k) => k.id),
    ...current.filter((k) => !future.some((f) => f.id === k.id)).map((k) => k.id),
  ];
  const is = new Map(future.map((k) => [k.id, k]));
  return ids.map((id) => {
    const shown = (is.get(id) ?? was.get(id))!;
    return { id, metric: shown.metric, unit: shown.unit, current: target(was.get(id)), future: target(is.get(id)) };
  });
}
