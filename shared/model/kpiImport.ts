import Papa from 'papaparse';
import {
  KPI_DIRECTIONS,
  KPI_LIMITS,
  KPI_TRENDS,
  kpiIdFor,
  kpiMetricKey,
  kpiMetricSchema,
  type KpiDirection,
  type KpiTrend,
} from '../schema/kpi.ts';
import type { KpiId, StageId } from '../schema/ids.ts';
import { KPI_SERIES_LIMITS, PERIOD_HELP, parsePeriod, type KpiMeasurement } from '../schema/kpiSeries.ts';
import type { KpiUpsert } from './commands/kpiCommands.ts';
import type { BoardSnapshot } from './snapshot.ts';
import { startsLikeFormula } from './formulaCells.ts';

/** Columns of a KPI CSV file. The first row names them, in any order and any case. */
const KPI_CSV_REQUIRED = ['stage', 'metric', 'value'] as const;
const KPI_CSV_OPTIONAL = ['target', 'unit', 'previous', 'direction', 'trend'] as const;
/** A file with a `date` column holds measurements: one row per KPI and period. */
const KPI_CSV_DATED = ['date', 'sample_size', 'source'] as const;
type Column = (typeof KPI_CSV_REQUIRED)[number] | (typeof KPI_CSV_OPTIONAL)[number] | (typeof KPI_CSV_DATED)[number];
/** Other names people give the dated columns ("sample size", "n", "period"). */
const COLUMN_ALIASES: Readonly<Record<string, Column>> = { period: 'date', n: 'sample_size', sample: 'sample_size' };

interface KpiImportRow {
  /** 1-based line of the file (the header is line 1). */
  readonly line: number;
  readonly stageName: string;
  /** What `importKpis` writes for this row: only the columns the file has and the row fills. */
  readonly input: KpiUpsert & { stageId: StageId };
  /** Whether the stage already has this metric (the row updates it) or the row adds it. */
  readonly updates: boolean;
}

/** One row of a dated file: a measurement of one KPI, and the KPI fields the row fills. */
export interface KpiMeasurementRow {
  readonly line: number;
  readonly stageName: string;
  readonly kpiId: KpiId;
  /** The KPI (created if the stage lacks it) and the target, unit, direction the row sets. */
  readonly kpi: Omit<KpiUpsert, 'value' | 'previous' | 'trend'> & { stageId: StageId };
  readonly measurement: KpiMeasurement;
}

interface KpiImportError {
  /** 1-based line of the file; 1 for a problem with the header or the whole file. */
  readonly line: number;
  readonly message: string;
}

export interface KpiImportPreview {
  /** Whether the file has a `date` column (measurements) rather than current values. */
  readonly dated: boolean;
  /** A file without a `date` column: current values, applied with `importKpis`. */
  readonly rows: readonly KpiImportRow[];
  /** A file with a `date` column: measurements, written through the server (all or nothing). */
  readonly measurements: readonly KpiMeasurementRow[];
  readonly errors: readonly KpiImportError[];
}

/**
 * Reads a KPI CSV file against the board: which rows can be applied, and a clear error for each
 * row that cannot (unknown stage, missing metric, a value that is not a number…), so the person
 * sees them all before anything is written. Nothing here writes.
 *
 * - Parsed with papaparse; the delimiter is detected (`,` `;` tab), so spreadsheet exports from
 *   countries that write `4,2` work; a leading byte-order mark is ignored; blank lines are skipped.
 * - `stage` matches a stage name case-insensitively (surrounding spaces ignored).
 * - `value` is required; an empty `target`, `unit`, `previous`, `direction` or `trend` cell
 *   leaves that field as it is. Numbers may end with `%` and use `,` as the decimal mark.
 * - Without a `date` column each row is a KPI's current value (`rows`); a stage and metric twice
 *   is an error on the second line (which one was meant?).
 * - With a `date` column (a day, month or quarter, kpiSeries.ts) each row is a measurement
 *   (`measurements`), with optional `sample_size` and `source`; `previous` and `trend` follow
 *   from the dates, so those columns are refused. A stage, metric and date twice, or two
 *   different targets, units or directions for one KPI, are errors on the later line. A text
 *   cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is refused, not rewritten.
 */
export function parseKpiCsv(text: string, board: Pick<BoardSnapshot, 'stages' | 'kpisByStage'>): KpiImportPreview {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const data = parsed.data;
  const errors: KpiImportError[] = [];
  const refuse = (line: number, message: string, dated = false): KpiImportPreview => ({
    dated,
    rows: [],
    measurements: [],
    errors: [{ line, message }],
  });
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    // "UndetectableDelimiter" only means one column (or one line); the header check says more.
    if (e.code === 'UndetectableDelimiter' || e.row === undefined) continue;
    rowErrors.set(e.row, e.message);
  }
  const headerIndex = data.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) return refuse(1, 'The file is empty: expected a header row "stage,metric,value,target"');
  const header = data[headerIndex]!.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const columns = new Map<Column, number>();
  for (const name of [...KPI_CSV_REQUIRED, ...KPI_CSV_OPTIONAL, ...KPI_CSV_DATED]) {
    const i = header.findIndex((h) => h === name || COLUMN_ALIASES[h] === name);
    if (i >= 0) columns.set(name, i);
  }
  const missing = KPI_CSV_REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const found = header.filter(Boolean).join(', ') || 'nothing';
    return refuse(
      headerIndex + 1,
      `The header row needs the columns ${missing.map((m) => `"${m}"`).join(', ')} (found: ${found}). Expected: stage,metric,value,target`,
    );
  }
  const dated = columns.has('date');
  if (dated && (columns.has('previous') || columns.has('trend')))
    return refuse(
      headerIndex + 1,
      'A file with a date column gives each measurement its own row; "previous" and "trend" follow from the dates, so remove those columns',
      true,
    );

  const stagesByName = new Map<string, StageId[]>();
  for (const s of board.stages) {
    const key = s.name.trim().toLowerCase();
    stagesByName.set(key, [...(stagesByName.get(key) ?? []), s.id]);
  }
  const stageList = board.stages.map((s) => s.name).join(', ');
  const seen = new Map<string, number>();
  const kpiFields = new Map<KpiId, { line: number; fields: Record<string, unknown> }>();
  const rows: KpiImportRow[] = [];
  const measurements: KpiMeasurementRow[] = [];
  const limit = dated ? KPI_SERIES_LIMITS.perImport : KPI_LIMITS.perImport;

  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i]!;
    const line = i + 1;
    if (isBlank(cells)) continue;
    const fail = (message: string) => errors.push({ line, message });
    if (rowErrors.has(i)) {
      fail(`Could not read this line: ${rowErrors.get(i)}`);
      continue;
    }
    if (cells.length > header.length && !isBlank(cells.slice(header.length))) {
      fail(
        `This line has ${cells.length} cells but the header has ${header.length}; quote a value that contains the delimiter`,
      );
      continue;
    }
    if (rows.length + measurements.length >= limit) {
      fail(`Only ${limit} rows can be imported at once; split the file`);
      continue;
    }
    const cell = (c: Column) => (columns.has(c) ? (cells[columns.get(c)!] ?? '').trim() : '');

    const stageName = cell('stage');
    const metricText = cell('metric');
    if (!stageName) {
      fail('The stage is missing');
      continue;
    }
    const stageIds = stagesByName.get(stageName.toLowerCase());
    if (!stageIds) {
      fail(`There is no stage named "${stageName}" on this board (stages: ${stageList})`);
      continue;
    }
    if (stageIds.length > 1) {
      fail(`${stageIds.length} stages are named "${stageName}": rename one so the row is not ambiguous`);
      continue;
    }
    if (!metricText) {
      fail('The metric is missing (e.g. CSAT, NPS, CES, Conversion)');
      continue;
    }
    const metric = kpiMetricSchema.safeParse(metricText);
    if (!metric.success) {
      fail(`The metric "${metricText.slice(0, 60)}" is not valid: ${metric.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    const stageId = stageIds[0]!;
    const period = dated ? parsePeriod(cell('date')) : null;
    const key = `${stageId}|${kpiMetricKey(metric.data)}${period ? `|${period}` : ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(`${metric.data} for ${stageName}${period ? ` on ${period}` : ''} is already on line ${earlier}`);
      continue;
    }

    const problems: string[] = [];
    const number = (c: 'value' | 'target' | 'previous' | 'sample_size', required: boolean): number | undefined => {
      const raw = cell(c);
      const name = c.replace('_', ' ');
      if (!raw) {
        if (required) problems.push(`the ${name} is missing`);
        return undefined;
      }
      const n = parseNumber(raw);
      if (n === null) problems.push(`the ${name} "${raw.slice(0, 30)}" is not a number`);
      else if (Math.abs(n) > KPI_LIMITS.maxAbsValue) problems.push(`the ${name} ${raw.slice(0, 30)} is too large`);
      else return n;
      return undefined;
    };
    for (const c of ['stage', 'metric', 'unit', 'source'] as const)
      if (startsLikeFormula(cell(c), isNumber))
        problems.push(`the ${c} "${cell(c).slice(0, 30)}" starts like a spreadsheet formula (${cell(c)[0]})`);
    const value = number('value', true);
    const target = number('target', false);
    const previous = number('previous', false);
    const unit = cell('unit');
    if (unit.length > KPI_LIMITS.unitLength)
      problems.push(`the unit "${unit.slice(0, 30)}" is longer than ${KPI_LIMITS.unitLength} characters`);
    const direction = cell('direction').toLowerCase();
    if (direction && !(KPI_DIRECTIONS as readonly string[]).includes(direction))
      problems.push(`the direction "${direction.slice(0, 30)}" is not "higher" or "lower"`);
    const trend = cell('trend').toLowerCase();
    if (trend && !(KPI_TRENDS as readonly string[]).includes(trend))
      problems.push(`the trend "${trend.slice(0, 30)}" is not "up", "down" or "flat"`);
    const fields = {
      ...(target !== undefined ? { target } : {}),
      ...(unit ? { unit } : {}),
      ...(direction ? { direction: direction as KpiDirection } : {}),
    };
    const kpiId = kpiIdFor(stageId, metric.data);
    let sampleSize: number | undefined;
    if (dated) {
      if (!cell('date')) problems.push(`the date is missing (${PERIOD_HELP})`);
      else if (!period) problems.push(`the date "${cell('date').slice(0, 30)}" is not ${PERIOD_HELP}`);
      sampleSize = number('sample_size', false);
      if (sampleSize !== undefined && !(Number.isInteger(sampleSize) && sampleSize >= 0))
        problems.push(`the sample size ${sampleSize} is not a whole number of 0 or more`);
      if (cell('source').length > KPI_SERIES_LIMITS.sourceLength)
        problems.push(`the source is longer than ${KPI_SERIES_LIMITS.sourceLength} characters`);
      const before = kpiFields.get(kpiId);
      for (const [field, v] of Object.entries(fields))
        if (before && field in before.fields && before.fields[field] !== v)
          problems.push(`the ${field} ${String(v)} differs from the ${field} on line ${before.line}`);
    }
    if (problems.length > 0) {
      fail(capitalise(problems.join('; ')));
      continue;
    }

    seen.set(key, line);
    const stageLabel = board.stages.find((s) => s.id === stageId)!.name;
    if (dated) {
      const before = kpiFields.get(kpiId);
      kpiFields.set(kpiId, { line: before?.line ?? line, fields: { ...before?.fields, ...fields } });
      measurements.push({
        line,
        stageName: stageLabel,
        kpiId,
        kpi: { stageId, metric: metric.data, ...fields },
        measurement: { period: period!, value: value!, sampleSize: sampleSize ?? null, source: cell('source') || null },
      });
      continue;
    }
    const input: KpiUpsert & { stageId: StageId } = {
      stageId,
      metric: metric.data,
      value: value!,
      ...fields,
      ...(previous !== undefined ? { previous } : {}),
      ...(trend ? { trend: trend as KpiTrend } : {}),
    };
    const updates = (board.kpisByStage.get(stageId) ?? []).some((k) => k.id === kpiId);
    rows.push({ line, stageName: stageLabel, input, updates });
  }
  if (rows.length === 0 && measurements.length === 0 && errors.length === 0)
    errors.push({ line: headerIndex + 1, message: 'The file has a header but no rows' });
  return { dated, rows, measurements, errors };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const isNumber = (s: string): boolean => parseNumber(s) !== null;

/** "4.2", "-12", "+3", "4,2", "35%", "1 234.5": a finite number, or null. */
export function parseNumber(raw: string): number | null {
  let s = raw
    .trim()
    .replace(/%$/, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A CSV example people can start from (the stage names of this board). */
export function kpiCsvExample(board: Pick<BoardSnapshot, 'stages'>): string {
  const names = board.stages.map((s) => s.name);
  const quote = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['stage,metric,value,target'];
  if (names[0]) lines.push(`${quote(names[0])},CSAT,4.1,4.5`);
  if (names[1]) lines.push(`${quote(names[1])},Conversion,2.4,3`);
  if (names[2]) lines.push(`${quote(names[2])},CES,3.2,2.5`);
  return `${lines.join('\n')}\n`;
}

/** The server request for a dated file's rows: one entry per KPI, its fields and measurements in file order. */
export function measurementImport(rows: readonly KpiMeasurementRow[]): ImportedKpiInput[] {
  const byKpi = new Map<KpiId, { kpi: KpiMeasurementRow['kpi']; measurements: KpiMeasurement[] }>();
  for (const row of rows) {
    const entry = byKpi.get(row.kpiId);
    if (entry) {
      entry.kpi = { ...entry.kpi, ...row.kpi };
      entry.measurements.push(row.measurement);
    } else byKpi.set(row.kpiId, { kpi: row.kpi, measurements: [row.measurement] });
  }
  return [...byKpi.values()].map(({ kpi, measurements }) => ({ ...kpi, measurements }));
}

/** One KPI of a measurement import, as the server takes it (shared/protocol/kpiMeasurements.ts). */
interface ImportedKpiInput extends Omit<KpiMeasurementRow['kpi'], 'previous' | 'trend'> {
  readonly measurements: KpiMeasurement[];
}
