import type { KpiDirection } from '../schema/kpi.ts';
import type { KpiMeasurement } from '../schema/kpiSeries.ts';

/**
 * Survey scores to KPI measurements. Each metric has its scale and its formula:
 * - CSAT: the share of 4s and 5s on a 1–5 scale, in % (3 is not satisfied).
 * - NPS: % promoters (9–10) minus % detractors (0–6) on a 0–10 scale, −100 to 100 (7 and 8 are
 *   passives: they count in the total only).
 * - CES: the mean effort on a 1–7 scale (lower is better).
 * A period with no scored response has no measurement: no answers is not a score of 0.
 */
export const EVIDENCE_METRICS = {
  CSAT: { min: 1, max: 5, unit: '%', direction: 'higher', compute: csat },
  NPS: { min: 0, max: 10, unit: '', direction: 'higher', compute: nps },
  CES: { min: 1, max: 7, unit: '/7', direction: 'lower', compute: ces },
} as const satisfies Record<
  string,
  { min: number; max: number; unit: string; direction: KpiDirection; compute: (s: readonly number[]) => number | null }
>;
export type EvidenceMetric = keyof typeof EVIDENCE_METRICS;
export const EVIDENCE_METRIC_NAMES = Object.keys(EVIDENCE_METRICS) as EvidenceMetric[];

export const EVIDENCE_GRANULARITIES = ['day', 'month', 'quarter'] as const;
export type EvidenceGranularity = (typeof EVIDENCE_GRANULARITIES)[number];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** % of 4 and 5 among the scores (1–5); null for none. */
export function csat(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return round2((scores.filter((s) => s >= 4).length / scores.length) * 100);
}

/** % of 9 and 10 minus % of 0 to 6 (0–10); null for none. */
export function nps(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return round2(((promoters - detractors) / scores.length) * 100);
}

/** The mean effort; null for none. */
export function ces(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return round2(scores.reduce((a, b) => a + b, 0) / scores.length);
}

/** The period a day (`2026-03-14`) falls in: the day, its month `2026-03` or its quarter `2026-Q1`. */
export function periodOfDay(day: string, granularity: EvidenceGranularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * One measurement per period that has scored responses, oldest first: the metric's value and
 * the number of scores behind it. Responses without a score (a comment only) count in no period.
 */
export function evidenceMeasurements(
  responses: readonly { readonly day: string; readonly score: number | null }[],
  metric: EvidenceMetric,
  granularity: EvidenceGranularity,
  source: string | null,
): KpiMeasurement[] {
  const byPeriod = new Map<string, number[]>();
  for (const r of responses) {
    if (r.score === null) continue;
    const period = periodOfDay(r.day, granularity);
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), r.score]);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, scores]) => ({
      period,
      value: EVIDENCE_METRICS[metric].compute(scores)!,
      sampleSize: scores.length,
      source,
    }));
}
