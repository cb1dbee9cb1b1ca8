import { z } from 'zod';
import { EVIDENCE_GRANULARITIES, EVIDENCE_METRIC_NAMES } from '../model/evidenceMetrics.ts';
import { kpiIdSchema } from '../schema/kpi.ts';
import { KPI_SERIES_LIMITS } from '../schema/kpiSeries.ts';
import { stageIdSchema } from '../schema/stage.ts';

/**
 * Evidence over HTTP (docs/api.md, "Evidence"): `POST /api/boards/:id/evidence` reads a survey or
 * support export (shared/model/evidenceImport.ts), writes the metric per period as KPI
 * measurements and keeps the responses' words next to their stage;
 * `GET /api/boards/:id/stages/:stageId/verbatims` reads them back.
 */
export function evidencePath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/evidence`;
}

export function verbatimsPath(boardId: string, stageId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/stages/${encodeURIComponent(stageId)}/verbatims`;
}

export const evidenceImportRequestSchema = z.object({
  /** The stage of rows that name none. */
  stageId: stageIdSchema.nullable().default(null),
  metric: z.enum(EVIDENCE_METRIC_NAMES),
  granularity: z.enum(EVIDENCE_GRANULARITIES).default('month'),
  /** The file's name, kept as the measurements' and verbatims' source. */
  source: z.string().trim().min(1).max(KPI_SERIES_LIMITS.sourceLength).nullable().default(null),
  csv: z.string().min(1, 'The file is empty'),
  /** true: write nothing, answer what would be written (the preview). */
  dryRun: z.boolean().default(false),
});
export type EvidenceImportRequest = z.input<typeof evidenceImportRequestSchema>;
export type EvidenceImportInput = z.output<typeof evidenceImportRequestSchema>;

const computedSchema = z.object({
  stageId: stageIdSchema,
  kpiId: kpiIdSchema,
  period: z.string(),
  value: z.number(),
  /** Scored responses behind the value. */
  sampleSize: z.number().int(),
  /** The value it replaces; null for a new period. */
  replaces: z.number().nullable(),
});

export const evidenceImportResponseSchema = z.object({
  dryRun: z.boolean(),
  /** Responses read from the file. */
  responses: z.number().int(),
  /** Of those, the ones with words, kept as verbatims. */
  verbatims: z.number().int(),
  measurements: z.array(computedSchema),
});
export type EvidenceImportResponse = z.infer<typeof evidenceImportResponseSchema>;

/** One response's words, next to its stage. `line` is its line in the source file. */
const verbatimSchema = z.object({
  id: z.string(),
  stageId: stageIdSchema,
  text: z.string(),
  score: z.number().nullable(),
  metric: z.enum(EVIDENCE_METRIC_NAMES),
  day: z.string(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  source: z.string().nullable(),
  line: z.number().int(),
});
export type Verbatim = z.infer<typeof verbatimSchema>;

export const verbatimListResponseSchema = z.object({
  /** Newest first. */
  verbatims: z.array(verbatimSchema),
});
export type VerbatimListResponse = z.infer<typeof verbatimListResponseSchema>;
