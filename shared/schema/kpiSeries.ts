import { z } from 'zod';

/**
 * A KPI's history: dated measurements. The whole series lives in the server's database (a table
 * per board, read over HTTP); the board document keeps only the latest few points of each KPI
 * (`recent`, for the sparkline) and the value and `previous` they imply, so a KPI with years of
 * daily points costs every client the same few hundred bytes.
 *
 * A measurement is dated by a **period**: a day `2026-03-14`, a month `2026-03` or a quarter
 * `2026-Q1`. One KPI has at most one measurement per period: writing it again replaces it.
 */
/** The largest magnitude of a KPI value (kpi.ts `KPI_LIMITS.maxAbsValue` is this one). */
export const KPI_MAX_ABS_VALUE = 1e9;

export const KPI_SERIES_LIMITS = {
  /** Points of a KPI mirrored into the board document (the sparkline). */
  recentPoints: 30,
  sourceLength: 80,
  maxSampleSize: 1e9,
  /** Measurements in one import (5 years of daily points for a few KPIs). */
  perImport: 10_000,
} as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** When a period starts, in ms since the epoch (UTC), or null for a malformed or unreal period. */
export function periodStart(period: string): number | null {
  let m = DAY.exec(period);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const at = Date.UTC(y, mo - 1, d);
    const back = new Date(at);
    // 2026-02-30 would roll over to March: not a real day.
    return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? at : null;
  }
  m = MONTH.exec(period);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? Date.UTC(Number(m[1]), mo - 1, 1) : null;
  }
  m = QUARTER.exec(period);
  if (m) return Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1);
  return null;
}

/** Reads a period as people type it: surrounding spaces and a lower-case `q` are fine. */
export function parsePeriod(raw: string): string | null {
  const period = raw.trim().toUpperCase();
  return periodStart(period) === null ? null : period;
}

export const PERIOD_HELP = 'a day 2026-03-14, a month 2026-03 or a quarter 2026-Q1';

export const kpiPeriodSchema = z.string().refine((p) => periodStart(p) !== null, `A period is ${PERIOD_HELP}`);

const finite = z.number().finite().min(-KPI_MAX_ABS_VALUE).max(KPI_MAX_ABS_VALUE);

/** One measurement of one KPI (strict on write). */
export const kpiMeasurementSchema = z.object({
  period: kpiPeriodSchema,
  value: finite,
  /** How many responses or events the value stands on; null when not known. */
  sampleSize: z.number().int().min(0).max(KPI_SERIES_LIMITS.maxSampleSize).nullable(),
  /** Where it came from ("Qualtrics export", "BI nightly"); null when not given. */
  source: z.string().trim().min(1).max(KPI_SERIES_LIMITS.sourceLength).nullable(),
});
export type KpiMeasurement = z.infer<typeof kpiMeasurementSchema>;

/** A point of the sparkline mirrored into the document. */
export interface KpiPoint {
  readonly period: string;
  readonly value: number;
}

/** The period right after `period` at its own granularity (the next day, month or quarter). */
export function nextPeriod(period: string): string | null {
  const start = periodStart(period);
  if (start === null) return null;
  const d = new Date(start);
  if (DAY.test(period)) return new Date(start + 86_400_000).toISOString().slice(0, 10);
  if (MONTH.test(period))
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
  const quarter = Math.floor(d.getUTCMonth() / 3) + 1;
  return quarter === 4 ? `${d.getUTCFullYear() + 1}-Q1` : `${d.getUTCFullYear()}-Q${quarter + 1}`;
}

/**
 * The sparkline's points as one string, the form the server writes into `recent`: points
 * separated by a space, each `period=value`, or only `value` when its period is the one right
 * after the point before (the next day, month or quarter), so 30 daily points take ~4 bytes
 * each: `2026-03-01=4.2 4.3 4.1 2026-03-05=4.4`. Values are written as JavaScript writes numbers
 * (shortest form that reads back the same).
 */
export function encodeRecent(points: readonly KpiPoint[]): string {
  let before: string | null = null;
  return points
    .map(({ period, value }) => {
      const implied = before !== null && nextPeriod(before) === period;
      before = period;
      return implied ? String(value) : `${period}=${value}`;
    })
    .join(' ');
}

/** The points of an encoded `recent` (encodeRecent), or null when it does not read whole. */
export function decodeRecent(encoded: string): KpiPoint[] | null {
  if (encoded === '') return [];
  if (encoded.length > RECENT_MAX_CHARS) return null;
  const points: KpiPoint[] = [];
  for (const token of encoded.split(' ')) {
    const at = token.indexOf('=');
    const before = points.at(-1)?.period;
    const period = at >= 0 ? token.slice(0, at) : before === undefined ? null : nextPeriod(before);
    const raw = at >= 0 ? token.slice(at + 1) : token;
    const value = raw.trim() === raw && raw !== '' ? Number(raw) : Number.NaN;
    if (period === null || periodStart(period) === null || !finite.safeParse(value).success) return null;
    points.push({ period, value });
  }
  return points.length <= KPI_SERIES_LIMITS.recentPoints ? points : null;
}

/** Longer than any 30 points can be (a period of 10 characters, `=`, a value of 24, a space). */
const RECENT_MAX_CHARS = KPI_SERIES_LIMITS.recentPoints * 36;

/** `recent` as boards mirrored before the string form hold it: an array of `{ period, value }`. */
const legacyRecentSchema = z
  .array(z.object({ period: kpiPeriodSchema, value: finite }))
  .max(KPI_SERIES_LIMITS.recentPoints);

/** A stored `recent`, in either form; null when malformed. */
function readRecent(raw: unknown): KpiPoint[] | null {
  if (typeof raw === 'string') return decodeRecent(raw);
  const legacy = legacyRecentSchema.safeParse(raw);
  return legacy.success ? legacy.data : null;
}

/** The mirror fields of a KPI record (written by the server only; tolerant on read). */
export interface KpiSeriesMirror {
  /** The period of the latest measurement; null for a KPI only ever set by hand. */
  readonly measuredAt: string | null;
  /** The latest measurements, oldest first, at most `recentPoints`. */
  readonly recent: readonly KpiPoint[];
}

/**
 * Reads `recent` (the string the server writes, or an array from before it) and `measuredAt`:
 * the last point's period when `recent` is a string, which the server then writes alone; a
 * separate `measuredAt` key only for boards mirrored before.
 */
export function readKpiSeriesMirror(raw: Record<string, unknown>): KpiSeriesMirror {
  const recent = readRecent(raw.recent) ?? [];
  const last = typeof raw.recent === 'string' ? recent.at(-1) : undefined;
  if (last) return { measuredAt: last.period, recent };
  const measuredAt = kpiPeriodSchema.safeParse(raw.measuredAt);
  return { measuredAt: measuredAt.success ? measuredAt.data : null, recent };
}

/** Whether a stored mirror field holds what a reader accepts (the server repairs the rest). */
export function isValidMirrorField(field: 'measuredAt' | 'recent', value: unknown): boolean {
  if (value === undefined) return true;
  return field === 'measuredAt' ? kpiPeriodSchema.nullable().safeParse(value).success : readRecent(value) !== null;
}

/** Oldest first; periods starting together (2026-03 and 2026-03-01) in string order. */
export function byPeriod(a: { period: string }, b: { period: string }): number {
  return (periodStart(a.period) ?? 0) - (periodStart(b.period) ?? 0) || (a.period < b.period ? -1 : 1);
}

/**
 * What the board shows from a series (oldest first): the value is the latest measurement,
 * `previous` the one before it, and the last `recentPoints` for the sparkline.
 */
export function seriesSummary(series: readonly KpiPoint[]): {
  value: number | null;
  previous: number | null;
  mirror: KpiSeriesMirror;
} {
  const last = series.at(-1);
  return {
    value: last?.value ?? null,
    previous: series.at(-2)?.value ?? null,
    mirror: {
      measuredAt: last?.period ?? null,
      recent: series.slice(-KPI_SERIES_LIMITS.recentPoints).map(({ period, value }) => ({ period, value })),
    },
  };
}
