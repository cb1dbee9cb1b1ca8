import { z } from 'zod';
import { getRecord, newRecordMap, recordsMap } from '../../doc/boardDoc.ts';
import type { KpiId, StageId } from '../../schema/ids.ts';
import {
  KPI_DEFAULTS,
  KPI_LIMITS,
  kpiFieldsSchema,
  kpiIdFor,
  kpiIdSchema,
  kpiMetricSchema,
  kpiPreset,
  type KpiFields,
} from '../../schema/kpi.ts';
import { encodeRecent, KPI_SERIES_LIMITS, kpiPeriodSchema } from '../../schema/kpiSeries.ts';
import { stageIdSchema } from '../../schema/stage.ts';
import { CommandError } from '../errors.ts';
import { requireRecord, type CommandContext } from './context.ts';
import { command } from './define.ts';

const kpiPatchSchema = kpiFieldsSchema.partial();

/** One stage metric to create or update: only the fields given are written. */
const kpiUpsertSchema = kpiPatchSchema.extend({ stageId: stageIdSchema, metric: kpiMetricSchema });
export type KpiUpsert = z.input<typeof kpiUpsertSchema>;

/**
 * Writes one (stage, metric): creates the record (with the preset's unit and direction for a
 * well-known metric) when it is missing, then sets each given field as its own key.
 */
function upsert(ctx: CommandContext, input: z.output<typeof kpiUpsertSchema>): KpiId {
  const { stageId, metric, ...patch } = input;
  requireRecord(ctx, stageId, 'stage');
  const id = kpiIdFor(stageId as StageId, metric);
  const existing = getRecord(ctx.doc, id);
  if (!existing) {
    const preset = kpiPreset(metric);
    const { metric: _default, ...defaults } = KPI_DEFAULTS;
    const fields: KpiFields = { ...defaults, unit: preset?.unit ?? '', direction: preset?.direction ?? 'higher' };
    recordsMap(ctx.doc).set(
      id,
      newRecordMap({ stageId, metric: preset?.metric ?? metric, ...fields, ...definedOnly(patch) }),
    );
    return id;
  }
  for (const [key, value] of Object.entries(definedOnly(patch)))
    if (existing.get(key) !== value) existing.set(key, value);
  return id;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Adds a metric to a stage, or changes the given fields of the one it already has. */
export const setKpi = command(kpiUpsertSchema, (ctx, input) => upsert(ctx, input));

/** Changes some fields of a KPI (inline editing); each field is its own key, so edits merge. */
export const updateKpi = command(z.object({ kpiId: kpiIdSchema, patch: kpiPatchSchema }), (ctx, { kpiId, patch }) => {
  const rec = requireRecord(ctx, kpiId, 'KPI');
  const fields = definedOnly(patch);
  if (Object.keys(fields).length === 0) throw new CommandError('invalid-input', 'Nothing to change.');
  for (const [key, value] of Object.entries(fields)) rec.set(key, value);
});

export const removeKpi = command(z.object({ kpiId: kpiIdSchema }), (ctx, { kpiId }) => {
  requireRecord(ctx, kpiId, 'KPI');
  recordsMap(ctx.doc).delete(kpiId);
});

/**
 * Applies the good rows of a CSV import (see kpiImport.ts) in one transaction: one undo step.
 * Every row is checked before anything is written, so a bad row refuses the whole command.
 */
export const importKpis = command(
  z.object({
    rows: z
      .array(kpiUpsertSchema)
      .min(1, 'No rows to import')
      .max(KPI_LIMITS.perImport, `At most ${KPI_LIMITS.perImport} rows at once`),
  }),
  (ctx, { rows }) => {
    for (const row of rows) requireRecord(ctx, row.stageId, 'stage');
    return rows.map((row) => upsert(ctx, row));
  },
);

const seriesMirrorSchema = z.object({
  kpis: z
    .array(
      kpiUpsertSchema.extend({
        recent: z
          .array(z.object({ period: kpiPeriodSchema, value: z.number().finite() }))
          .max(KPI_SERIES_LIMITS.recentPoints),
      }),
    )
    .min(1),
});

/**
 * The server's copy of each KPI's series into the board after measurements were written
 * (server/kpi/): the latest value and the one before, and the sparkline's points as one string
 * (kpiSeries.ts `encodeRecent`; its last period is the latest period, so a `measuredAt` key left
 * by an older mirror is removed); it creates a KPI the stage does not have yet. Each key written
 * leaves a tombstone in the document for good, so only keys whose value changes are written. Not
 * a user command: clients write measurements through the server, which owns the series.
 */
export const mirrorKpiSeries = command(seriesMirrorSchema, (ctx, { kpis }) =>
  kpis.map(({ recent, ...fields }) => {
    const id = upsert(ctx, fields);
    const rec = requireRecord(ctx, id, 'KPI');
    if (rec.has('measuredAt')) rec.delete('measuredAt');
    const encoded = encodeRecent(recent);
    if (rec.get('recent') !== encoded) rec.set('recent', encoded);
    return id;
  }),
);
