import type { StageId } from '../schema/ids.ts';
import { type Kpi, kpiIdFor } from '../schema/kpi.ts';

const unitName = (unit: string) => (unit === '' ? 'no unit' : `"${unit}"`);

/**
 * A KPI's series is in one unit. An import whose measurements name another unit than the one the
 * KPI's measurements are in is refused, never converted: CSAT as a mean score ("/5") and CSAT as
 * the share of 4s and 5s ("%", what the evidence import computes) are different statistics, and no
 * formula turns one into the other (a mean of 4.0 can be 100 % or 50 % satisfied), so one line
 * through both would be a chart of nothing. A KPI without measurements (a value typed by hand)
 * takes the unit of its first import; an import that names no unit keeps the KPI's.
 * Returns the reason, or null when the measurements may join the series.
 */
export function seriesUnitProblem(
  kpis: readonly Kpi[],
  incoming: { readonly stageId: string; readonly metric: string; readonly unit?: string | undefined },
): string | null {
  if (incoming.unit === undefined) return null;
  const id = kpiIdFor(incoming.stageId as StageId, incoming.metric);
  const kpi = kpis.find((k) => k.id === id);
  if (!kpi || kpi.measuredAt === null || kpi.unit === incoming.unit) return null;
  return (
    `${kpi.metric} on this stage has measurements in ${unitName(kpi.unit)}, these are in ${unitName(incoming.unit)}: ` +
    'one series holds one unit (a mean score and a share of satisfied answers cannot be converted into each other)'
  );
}
