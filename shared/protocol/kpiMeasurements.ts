import { z } from 'zod';
import { KPI_DIRECTIONS, kpiFieldsSchema, kpiIdSchema, kpiMetricSchema } from '../schema/kpi.ts';
import { KPI_SERIES_LIMITS, kpiMeasurementSchema } from '../schema/kpiSeries.ts';
import { stageIdSchema } from '../schema/stage.ts';

/**
 * KPI series over HTTP (docs/api.md, "KPI measurements"):
 * `GET /api/boards/:id/kpis/:kpiId/measurements` (any role that may view the board) and
 * `POST /api/boards/:id/measurements` (facilitator or editor), which writes measurements, or with
 * `dryRun` says what it would add and replace.
 */
export function measurementsPath(boardId: string, kpiId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/kpis/${encodeURIComponent(kpiId)}/measurements`;
}

export function importMeasurementsPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/measurements`;
}

export const measurementListResponseSchema = z.object({
  kpiId: kpiIdSchema,
  /** Oldest first. */
  measurements: z.array(kpiMeasurementSchema),
});
export type MeasurementListResponse = z.infer<typeof measurementListResponseSchema>;

/** One KPI of an import: which stage and metric (created when missing), its fields, its measurements. */
const importedKpiSchema = z.object({
  stageId: stageIdSchema,
  metric: kpiMetricSchema,
  target: kpiFieldsSchema.shape.target.optional(),
  unit: kpiFieldsSchema.shape.unit.optional(),
  direction: z.enum(KPI_DIRECTIONS).optional(),
  measurements: z.array(kpiMeasurementSchema).min(1, 'A KPI of an import needs a measurement'),
});

export const importMeasurementsRequestSchema = z
  .object({
    /** true: write nothing, answer what would be added and replaced (the preview). */
    dryRun: z.boolean().default(false),
    kpis: z.array(importedKpiSchema).min(1, 'Nothing to import'),
  })
  .refine(
    (r) => r.kpis.reduce((n, k) => n + k.measurements.length, 0) <= KPI_SERIES_LIMITS.perImport,
    `At most ${KPI_SERIES_LIMITS.perImport} measurements at once; split the file`,
  );
export type ImportMeasurementsRequest = z.input<typeof importMeasurementsRequestSchema>;
export type ImportedKpi = z.output<typeof importedKpiSchema>;

/** What one measurement of an import does: a new period, or a period the KPI had (`replaces`: its old value). */
const measurementChangeSchema = z.object({
  kpiId: kpiIdSchema,
  period: z.string(),
  value: z.number(),
  /** The value it replaces; null when the period is new. */
  replaces: z.number().nullable(),
});

export const importMeasurementsResponseSchema = z.object({
  dryRun: z.boolean(),
  added: z.number().int(),
  replaced: z.number().int(),
  /** In the order of the request. */
  changes: z.array(measurementChangeSchema),
});
export type ImportMeasurementsResponse = z.infer<typeof importMeasurementsResponseSchema>;
