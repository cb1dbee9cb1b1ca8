import { z } from 'zod';
import { isRecordId, type KpiId, type StageId } from './ids.ts';
import { KPI_MAX_ABS_VALUE, readKpiSeriesMirror, type KpiSeriesMirror } from './kpiSeries.ts';

/**
 * A metric of one stage (CSAT, NPS, CES, conversion, churn or a custom one): value, target, unit
 * and trend. One record per (stage, metric); every field is its own key, so one person changing
 * the value while another changes the target both keep their change.
 */
export interface Kpi extends KpiSeriesMirror {
  readonly typeName: 'kpi';
  readonly id: KpiId;
  readonly stageId: StageId;
  /** The metric's name as shown ("CSAT", "Checkout conversion"); its key is `kpiMetricKey(metric)`. */
  readonly metric: string;
  /** The current value, or null when not measured yet: the latest measurement, unless set by hand since. */
  readonly value: number | null;
  readonly target: number | null;
  /** The value of the previous period (the measurement before the latest); the trend is computed from it unless `trend` is set. */
  readonly previous: number | null;
  /** Shown after the value: "%", "/5", "pts", "" … */
  readonly unit: string;
  /** Whether a higher value is better (CSAT, NPS, conversion) or a lower one (CES effort, churn). */
  readonly direction: KpiDirection;
  /** A trend someone set by hand; null means "computed from `previous`". */
  readonly trend: KpiTrend | null;
}

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const KPI_TRENDS = ['up', 'down', 'flat'] as const;
export type KpiTrend = (typeof KPI_TRENDS)[number];

export const KPI_LIMITS = { metricLength: 40, unitLength: 12, maxAbsValue: KPI_MAX_ABS_VALUE, perImport: 500 } as const;

/** Well-known metrics: their usual unit and direction, filled in when one is added by name. */
export const KPI_PRESETS = [
  { metric: 'CSAT', unit: '/5', direction: 'higher', help: 'Customer satisfaction, 1–5 survey' },
  { metric: 'NPS', unit: '', direction: 'higher', help: 'Net promoter score, −100 to 100' },
  { metric: 'CES', unit: '/7', direction: 'lower', help: 'Customer effort score: lower is better' },
  { metric: 'Conversion', unit: '%', direction: 'higher', help: 'Share who move on to the next stage' },
  { metric: 'Churn', unit: '%', direction: 'lower', help: 'Share who leave: lower is better' },
] as const satisfies readonly { metric: string; unit: string; direction: KpiDirection; help: string }[];

export function kpiPreset(metric: string) {
  const key = kpiMetricKey(metric);
  return KPI_PRESETS.find((p) => kpiMetricKey(p.metric) === key);
}

/**
 * The metric's key: lower case, runs of anything but letters and digits as one `-`. "CSAT" and
 * "csat " are one metric of a stage; the key is also part of the record id and the canvas name.
 */
export function kpiMetricKey(metric: string): string {
  return metric
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The id of a stage's metric is derived, not random: `kpi:<stage id rest>.<metric key>`. Two
 * imports of one CSV update the same records, and two people adding CSAT to one stage at once end
 * with one record (the later creation wins; edits after that merge field by field).
 */
export function kpiIdFor(stageId: StageId, metric: string): KpiId {
  return `kpi:${stageId.slice('stage:'.length)}.${kpiMetricKey(metric)}`;
}

const finite = z.number().finite().min(-KPI_LIMITS.maxAbsValue).max(KPI_LIMITS.maxAbsValue);
export const kpiMetricSchema = z
  .string()
  .trim()
  .min(1, 'A KPI needs a metric name')
  .max(KPI_LIMITS.metricLength, `A metric name has at most ${KPI_LIMITS.metricLength} characters`)
  .refine((m) => kpiMetricKey(m) !== '', 'A metric name needs a letter or a digit');
// The meta describes the id to JSON Schema (the HTTP API's OpenAPI document); z.custom has no type of its own.
export const kpiIdSchema = z
  .custom<KpiId>((v) => isRecordId('kpi', v), 'Not a KPI id')
  .meta({ type: 'string', pattern: '^kpi:.+' });

/** The editable fields (strict on write). */
export const kpiFieldsSchema = z.object({
  value: finite.nullable(),
  target: finite.nullable(),
  previous: finite.nullable(),
  unit: z.string().trim().max(KPI_LIMITS.unitLength, `A unit has at most ${KPI_LIMITS.unitLength} characters`),
  direction: z.enum(KPI_DIRECTIONS),
  trend: z.enum(KPI_TRENDS).nullable(),
});
export type KpiFields = z.infer<typeof kpiFieldsSchema>;

export const KPI_DEFAULTS: KpiFields & { metric: string } = {
  metric: 'Metric',
  value: null,
  target: null,
  previous: null,
  unit: '',
  direction: 'higher',
  trend: null,
};

/** Tolerant: a field that does not match reads as its default; unknown fields are ignored. */
export function readKpi(id: KpiId, raw: Record<string, unknown>): Kpi {
  const field = <K extends keyof KpiFields>(k: K): KpiFields[K] => {
    const parsed = kpiFieldsSchema.shape[k].safeParse(raw[k]);
    return parsed.success ? (parsed.data as KpiFields[K]) : KPI_DEFAULTS[k];
  };
  const metric = kpiMetricSchema.safeParse(raw.metric);
  return {
    typeName: 'kpi',
    id,
    stageId: isRecordId('stage', raw.stageId) ? raw.stageId : 'stage:missing',
    metric: metric.success ? metric.data : KPI_DEFAULTS.metric,
    value: field('value'),
    target: field('target'),
    previous: field('previous'),
    unit: typeof raw.unit === 'string' ? raw.unit.slice(0, KPI_LIMITS.unitLength) : '',
    direction: field('direction'),
    trend: field('trend'),
    ...readKpiSeriesMirror(raw),
  };
}

/** How a KPI stands against its target. `none`: no value or no target to compare. */
export type KpiStatus = 'met' | 'near' | 'missed' | 'none';

/** Within this share of the target (on the wrong side) a KPI is "near" rather than "missed". */
const KPI_NEAR_FRACTION = 0.1;

export function kpiStatus(k: Pick<Kpi, 'value' | 'target' | 'direction'>): KpiStatus {
  if (k.value === null || k.target === null) return 'none';
  // How far the value falls short of the target, in the direction that is better.
  const shortfall = k.direction === 'higher' ? k.target - k.value : k.value - k.target;
  if (shortfall <= 0) return 'met';
  return shortfall <= Math.abs(k.target) * KPI_NEAR_FRACTION ? 'near' : 'missed';
}

/** The trend shown: the one set by hand, else from `previous` to `value`, else none. */
export function kpiTrend(k: Pick<Kpi, 'value' | 'previous' | 'trend'>): KpiTrend | null {
  if (k.trend) return k.trend;
  if (k.value === null || k.previous === null) return null;
  return k.value > k.previous ? 'up' : k.value < k.previous ? 'down' : 'flat';
}

/** Whether the trend is good news: up for "higher is better", down for "lower is better". */
export function kpiTrendIsGood(k: Pick<Kpi, 'direction'>, trend: KpiTrend): boolean | null {
  if (trend === 'flat') return null;
  return (trend === 'up') === (k.direction === 'higher');
}

/** Words and marks for a status, so it never relies on colour alone. */
export const KPI_STATUS_STYLE: Record<KpiStatus, { label: string; icon: string; colour: string; fill: string }> = {
  met: { label: 'On target', icon: '✓', colour: '#15803d', fill: '#e8f6ed' },
  near: { label: 'Near target', icon: '≈', colour: '#b45309', fill: '#fdf3e1' },
  missed: { label: 'Below target', icon: '✗', colour: '#b91c1c', fill: '#fdecec' },
  none: { label: 'No target', icon: '–', colour: '#64748b', fill: '#f3f5f8' },
};

export const KPI_TREND_ICON: Record<KpiTrend, string> = { up: '↑', down: '↓', flat: '→' };

/** "4.2", "-12", "3.25": at most two decimals, no trailing zeros. */
export function formatKpiNumber(n: number | null): string {
  if (n === null) return '—';
  return String(Math.round(n * 100) / 100);
}

export function formatKpiValue(k: Pick<Kpi, 'value' | 'unit'>): string {
  if (k.value === null) return '—';
  const tight = k.unit === '%' || k.unit.startsWith('/');
  return `${formatKpiNumber(k.value)}${k.unit ? `${tight ? '' : ' '}${k.unit}` : ''}`;
}

/** Metric order within a stage: the presets first, in their order, then by name. */
export function byKpiOrder(a: Kpi, b: Kpi): number {
  const rank = (k: Kpi) => {
    const i = KPI_PRESETS.findIndex((p) => kpiMetricKey(p.metric) === kpiMetricKey(k.metric));
    return i < 0 ? KPI_PRESETS.length : i;
  };
  const byName =
    kpiMetricKey(a.metric) < kpiMetricKey(b.metric) ? -1 : kpiMetricKey(a.metric) > kpiMetricKey(b.metric) ? 1 : 0;
  return rank(a) - rank(b) || byName || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A one-line description for screen readers and the outline. */
export function describeKpi(k: Kpi): string {
  const status = kpiStatus(k);
  return [
    `${k.metric}: ${formatKpiValue(k)}`,
    ...kpiDetails(k).slice(0, 1),
    KPI_STATUS_STYLE[status].label.toLowerCase(),
    ...kpiDetails(k).slice(1),
  ].join(', ');
}

/** Target, trend and direction in words ("target 3/7", "trend down from 4.3", "lower is better"). */
export function kpiDetails(k: Kpi): string[] {
  const trend = kpiTrend(k);
  const parts = [k.target !== null ? `target ${formatKpiValue({ value: k.target, unit: k.unit })}` : 'no target'];
  if (trend)
    parts.push(`trend ${trend}${k.previous !== null && !k.trend ? ` from ${formatKpiNumber(k.previous)}` : ''}`);
  if (k.direction === 'lower') parts.push('lower is better');
  return parts;
}
