import type { KpiId, NoteId, StageId } from '../schema/ids.ts';
import { kpiStatus, type Kpi, type KpiStatus } from '../schema/kpi.ts';
import type { KpiPoint } from '../schema/kpiSeries.ts';
import type { Stage } from '../schema/stage.ts';

/**
 * Journey health: every KPI with its status against the target and its trend over the last
 * `window` measurements, and the stages that are sliding (a KPI below target and getting worse),
 * most urgent first. Reads the points the board mirrors (`recent`, up to 30), so it is live and
 * needs no download; a window longer than that is cut to what the board holds. A KPI typed by
 * hand, with no series, trends from its `previous` to its value.
 */
export const HEALTH_WINDOWS = [3, 6, 12, 30] as const;

/** Worse within this share of |target| (or of |first value| without a target) reads as flat. */
const FLAT_FRACTION = 0.01;

export type HealthTrend = 'improving' | 'worsening' | 'flat' | 'unknown';

export interface KpiHealth {
  readonly kpiId: KpiId;
  readonly stageId: StageId;
  readonly stage: string;
  readonly metric: string;
  readonly status: KpiStatus;
  /** Last value minus the first of the window; null with fewer than two points. */
  readonly change: number | null;
  /** Points the trend stands on (at most the window). */
  readonly points: number;
  readonly trend: HealthTrend;
  /** Below target (near or missed) and worsening. */
  readonly sliding: boolean;
  /** Higher is more urgent: shortfall plus worsening, both as shares of |target|; 0 when on target. */
  readonly urgency: number;
}

interface StageHealth {
  readonly stageId: StageId;
  readonly stage: string;
  readonly sliding: readonly KpiHealth[];
  readonly urgency: number;
}

export interface JourneyHealth {
  readonly window: number;
  /** Every KPI on a stage of the board, most urgent first. */
  readonly kpis: readonly KpiHealth[];
  /** Stages with at least one sliding KPI, most urgent first. */
  readonly slidingStages: readonly StageHealth[];
}

const STATUS_RANK: Record<KpiStatus, number> = { missed: 0, near: 1, none: 2, met: 3 };

export function kpiHealth(
  kpi: Kpi,
  stage: string,
  window: number,
  series: readonly KpiPoint[] = kpi.recent,
): KpiHealth {
  const status = kpiStatus(kpi);
  const points = series.length >= 2 ? series.slice(-Math.max(2, window)) : handSet(kpi);
  const change = points.length >= 2 ? points.at(-1)!.value - points[0]!.value : null;
  const scale = Math.abs(kpi.target ?? points[0]?.value ?? 0) || 1;
  const good = change === null ? null : kpi.direction === 'higher' ? change : -change;
  const trend: HealthTrend =
    good === null ? 'unknown' : Math.abs(good) <= scale * FLAT_FRACTION ? 'flat' : good > 0 ? 'improving' : 'worsening';
  const below = status === 'missed' || status === 'near';
  const shortfall =
    kpi.value === null || kpi.target === null
      ? 0
      : Math.max(0, kpi.direction === 'higher' ? kpi.target - kpi.value : kpi.value - kpi.target);
  const worsening = trend === 'worsening' && good !== null ? -good : 0;
  return {
    kpiId: kpi.id,
    stageId: kpi.stageId,
    stage,
    metric: kpi.metric,
    status,
    change,
    points: points.length,
    trend,
    sliding: below && trend === 'worsening',
    urgency: below ? (shortfall + worsening) / scale : 0,
  };
}

/** A KPI typed by hand (value and previous, no series) keeps its trend: those two points. */
function handSet(kpi: Kpi): readonly KpiPoint[] {
  if (kpi.value === null || kpi.previous === null) return kpi.recent;
  return [
    { period: 'previous', value: kpi.previous },
    { period: 'current', value: kpi.value },
  ];
}

function byUrgency(a: KpiHealth, b: KpiHealth): number {
  return (
    Number(b.sliding) - Number(a.sliding) || STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.urgency - a.urgency
  );
}

/** The health of every KPI of the board's stages (KPIs of a removed stage are left out). */
export function journeyHealth(
  board: { readonly stages: readonly Stage[]; readonly kpis: readonly Kpi[] },
  window: number,
): JourneyHealth {
  const names = new Map(board.stages.map((s) => [s.id, s.name]));
  const order = new Map(board.stages.map((s, i) => [s.id, i]));
  const kpis = board.kpis
    .filter((k) => names.has(k.stageId))
    .map((k) => kpiHealth(k, names.get(k.stageId)!, window))
    // Array.sort is stable: ties keep board order.
    .sort(byUrgency);
  const stages = new Map<StageId, KpiHealth[]>();
  for (const k of kpis.filter((h) => h.sliding)) stages.set(k.stageId, [...(stages.get(k.stageId) ?? []), k]);
  const slidingStages = [...stages.entries()]
    .map(([stageId, sliding]) => ({
      stageId,
      stage: names.get(stageId)!,
      sliding,
      urgency: Math.max(...sliding.map((k) => k.urgency)),
    }))
    .sort((a, b) => b.urgency - a.urgency || order.get(a.stageId)! - order.get(b.stageId)!);
  return { window, kpis, slidingStages };
}

/** The pain points of the sliding stages, in board order: what a review round votes on. */
export function slidingPainPoints(
  notes: readonly { readonly id: NoteId; readonly kind: string; readonly position: { readonly stageId: StageId } }[],
  health: JourneyHealth,
): NoteId[] {
  const sliding = new Set(health.slidingStages.map((s) => s.stageId));
  return notes.filter((n) => n.kind === 'pain' && sliding.has(n.position.stageId)).map((n) => n.id);
}
