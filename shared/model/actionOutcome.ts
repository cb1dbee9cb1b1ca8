import type { KpiId, NoteId } from '../schema/ids.ts';
import { formatKpiNumber, formatKpiValue, type Kpi, type KpiDirection } from '../schema/kpi.ts';
import { periodStart, type KpiPoint } from '../schema/kpiSeries.ts';
import type { Note } from '../schema/note.ts';

/**
 * "Did it work?": for an action marked done, the mean of each KPI of its stage over the N
 * measurements before the day it was done against the N after. A plain comparison of means with
 * the number of points behind each, never a claim of cause; below `minPoints` on either side the
 * answer says there is too little data instead of a number.
 *
 * A measurement whose period contains the moment of "done" (the month it was done in) is on
 * neither side: it mixes before and after.
 */
export const OUTCOME_DEFAULTS = { window: 3, minPoints: 2, maxWindow: 24 } as const;

export interface OutcomeOptions {
  /** How many measurements on each side (the N before and the N after). */
  readonly window: number;
  /** Fewer points than this on either side: too little data to say. */
  readonly minPoints: number;
}

interface OutcomeSide {
  /** null when the side has no points. */
  readonly mean: number | null;
  readonly points: number;
  /** The first and last period behind the mean, or null. */
  readonly from: string | null;
  readonly to: string | null;
}

export type OutcomeVerdict = 'better' | 'worse' | 'unchanged' | 'too-little-data';

export interface KpiOutcome {
  readonly kpiId: KpiId;
  readonly metric: string;
  readonly unit: string;
  readonly direction: KpiDirection;
  readonly before: OutcomeSide;
  readonly after: OutcomeSide;
  /** after.mean − before.mean; null with too little data. */
  readonly change: number | null;
  readonly verdict: OutcomeVerdict;
  /** One line a person reads: "CSAT: 3.8/5 before (3 points) → 4.3/5 after (3 points), +0.5, better". */
  readonly statement: string;
}

export interface ActionOutcome {
  readonly noteId: NoteId;
  /** When the action was marked done (ms), or null for one marked done before dates were kept. */
  readonly doneAt: number | null;
  readonly window: number;
  readonly kpis: readonly KpiOutcome[];
  /** The whole answer in one line, for a cell of an export. */
  readonly statement: string;
}

/** When a period ends (exclusive), in ms; null for a malformed period. */
export function periodEnd(period: string): number | null {
  const start = periodStart(period);
  if (start === null) return null;
  const d = new Date(start);
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  const months = period.includes('Q') ? 3 : 1;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

function side(points: readonly KpiPoint[]): OutcomeSide {
  if (points.length === 0) return { mean: null, points: 0, from: null, to: null };
  const sum = points.reduce((s, p) => s + p.value, 0);
  return { mean: sum / points.length, points: points.length, from: points[0]!.period, to: points.at(-1)!.period };
}

/** Before vs after `doneAt` for one KPI; `series` oldest first. */
export function kpiOutcome(
  kpi: Pick<Kpi, 'id' | 'metric' | 'unit' | 'direction'>,
  series: readonly KpiPoint[],
  doneAt: number,
  options: OutcomeOptions = OUTCOME_DEFAULTS,
): KpiOutcome {
  const before = series.filter((p) => (periodEnd(p.period) ?? Number.POSITIVE_INFINITY) <= doneAt);
  const after = series.filter((p) => (periodStart(p.period) ?? Number.NEGATIVE_INFINITY) >= doneAt);
  const b = side(before.slice(-options.window));
  const a = side(after.slice(0, options.window));
  // A window narrower than the minimum asks for fewer points: the window wins.
  const min = Math.min(options.minPoints, options.window);
  const enough = b.points >= min && a.points >= min;
  const change = enough ? a.mean! - b.mean! : null;
  const verdict: OutcomeVerdict =
    change === null
      ? 'too-little-data'
      : Math.abs(change) < 1e-9
        ? 'unchanged'
        : change > 0 === (kpi.direction === 'higher')
          ? 'better'
          : 'worse';
  const value = (v: number) => formatKpiValue({ value: v, unit: kpi.unit });
  const count = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
  let statement: string;
  if (change === null) {
    statement = `${kpi.metric}: too little data to say (${count(b.points)} before, ${count(a.points)} after; needs ${min} on each side)`;
  } else {
    const signed = `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatKpiNumber(Math.abs(change))}`;
    statement = `${kpi.metric}: ${value(b.mean!)} before (${count(b.points)}) → ${value(a.mean!)} after (${count(a.points)}), ${signed}, ${verdict}`;
  }
  return {
    kpiId: kpi.id,
    metric: kpi.metric,
    unit: kpi.unit,
    direction: kpi.direction,
    before: b,
    after: a,
    change,
    verdict,
    statement,
  };
}

/**
 * The outcome of a done action over the KPIs of its stage (board order); null for a note that
 * is not a done action. `seriesOf` gives each KPI's measurements, oldest first.
 */
export function actionOutcome(
  note: Pick<Note, 'id' | 'action' | 'position'>,
  stageKpis: readonly Pick<Kpi, 'id' | 'metric' | 'unit' | 'direction' | 'stageId'>[],
  seriesOf: (kpiId: KpiId) => readonly KpiPoint[],
  options: OutcomeOptions = OUTCOME_DEFAULTS,
): ActionOutcome | null {
  if (note.action?.status !== 'done') return null;
  const doneAt = note.action.doneAt;
  const kpis = stageKpis.filter((k) => k.stageId === note.position.stageId);
  const base = { noteId: note.id, doneAt, window: options.window };
  if (doneAt === null)
    return { ...base, kpis: [], statement: 'Marked done before Journeyboard kept the date: no before/after' };
  if (kpis.length === 0) return { ...base, kpis: [], statement: 'No KPI on this stage to compare' };
  const outcomes = kpis.map((k) => kpiOutcome(k, seriesOf(k.id), doneAt, options));
  return { ...base, kpis: outcomes, statement: outcomes.map((o) => o.statement).join('; ') };
}

/** The KPIs "Did it work?" reads: those of every stage that holds a done action. */
export function kpisToCompare(board: {
  readonly notes: readonly Pick<Note, 'action' | 'position'>[];
  readonly kpis: readonly Pick<Kpi, 'id' | 'stageId'>[];
}): KpiId[] {
  const stages = new Set(board.notes.filter((n) => n.action?.status === 'done').map((n) => n.position.stageId));
  return board.kpis.filter((k) => stages.has(k.stageId)).map((k) => k.id);
}
