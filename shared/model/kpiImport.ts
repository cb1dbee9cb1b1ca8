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
import type { StageId } from '../schema/ids.ts';
import type { KpiUpsert } from './commands/kpiCommands.ts';
import type { BoardSnapshot } from './snapshot.ts';

/** Columns of a KPI CSV file. The first row names them, in any order and any case. */
const KPI_CSV_REQUIRED = ['stage', 'metric', 'value'] as const;
const KPI_CSV_OPTIONAL = ['target', 'unit', 'previous', 'direction', 'trend'] as const;
type Column = (typeof KPI_CSV_REQUIRED)[number] | (typeof KPI_CSV_OPTIONAL)[number];

interface KpiImportRow {
  /** 1-based line of the file (the header is line 1). */
  readonly line: number;
  readonly stageName: string;
  /** What `importKpis` writes for this row: only the columns the file has and the row fills. */
  readonly input: KpiUpsert & { stageId: StageId };
  /** Whether the stage already has this metric (the row updates it) or the row adds it. */
  readonly updates: boolean;
}

interface KpiImportError {
  /** 1-based line of the file; 1 for a problem with the header or the whole file. */
  readonly line: number;
  readonly message: string;
}

export interface KpiImportPreview {
  readonly rows: readonly KpiImportRow[];
  readonly errors: readonly KpiImportError[];
}

/**
 * Reads a KPI CSV file against the board: which rows can be applied, and a clear error for each
 * row that cannot (unknown stage, missing metric, a value that is not a number…), so the person
 * sees them all before anything is written. Nothing here writes: apply `rows` with `importKpis`.
 *
 * - Parsed with papaparse; the delimiter is detected (`,` `;` tab), so spreadsheet exports from
 *   countries that write `4,2` work; a leading byte-order mark is ignored; blank lines are skipped.
 * - `stage` matches a stage name case-insensitively (surrounding spaces ignored).
 * - `value` is required; an empty `target`, `unit`, `previous`, `direction` or `trend` cell
 *   leaves that field as it is. Numbers may end with `%` and use `,` as the decimal mark.
 * - A stage and metric twice in one file is an error on the second line (which one was meant?).
 */
export function parseKpiCsv(text: string, board: Pick<BoardSnapshot, 'stages' | 'kpisByStage'>): KpiImportPreview {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const data = parsed.data;
  const errors: KpiImportError[] = [];
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    // "UndetectableDelimiter" only means one column (or one line); the header check says more.
    if (e.code === 'UndetectableDelimiter' || e.row === undefined) continue;
    rowErrors.set(e.row, e.message);
  }
  const headerIndex = data.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0)
    return {
      rows: [],
      errors: [{ line: 1, message: 'The file is empty: expected a header row "stage,metric,value,target"' }],
    };
  const header = data[headerIndex]!.map((h) => h.trim().toLowerCase());
  const columns = new Map<Column, number>();
  for (const name of [...KPI_CSV_REQUIRED, ...KPI_CSV_OPTIONAL]) {
    const i = header.indexOf(name);
    if (i >= 0) columns.set(name, i);
  }
  const missing = KPI_CSV_REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const found = header.filter(Boolean).join(', ') || 'nothing';
    return {
      rows: [],
      errors: [
        {
          line: headerIndex + 1,
          message: `The header row needs the columns ${missing.map((m) => `"${m}"`).join(', ')} (found: ${found}). Expected: stage,metric,value,target`,
        },
      ],
    };
  }

  const stagesByName = new Map<string, StageId[]>();
  for (const s of board.stages) {
    const key = s.name.trim().toLowerCase();
    stagesByName.set(key, [...(stagesByName.get(key) ?? []), s.id]);
  }
  const stageList = board.stages.map((s) => s.name).join(', ');
  const seen = new Map<string, number>();
  const rows: KpiImportRow[] = [];

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
    if (rows.length >= KPI_LIMITS.perImport) {
      fail(`Only ${KPI_LIMITS.perImport} rows can be imported at once; split the file`);
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
    const key = `${stageId}|${kpiMetricKey(metric.data)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(`${metric.data} for ${stageName} is already on line ${earlier}`);
      continue;
    }

    const problems: string[] = [];
    const number = (c: 'value' | 'target' | 'previous', required: boolean): number | undefined => {
      const raw = cell(c);
      if (!raw) {
        if (required) problems.push(`the ${c} is missing`);
        return undefined;
      }
      const n = parseNumber(raw);
      if (n === null) problems.push(`the ${c} "${raw.slice(0, 30)}" is not a number`);
      else if (Math.abs(n) > KPI_LIMITS.maxAbsValue) problems.push(`the ${c} ${raw.slice(0, 30)} is too large`);
      else return n;
      return undefined;
    };
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
    if (problems.length > 0) {
      fail(capitalise(problems.join('; ')));
      continue;
    }

    seen.set(key, line);
    const input: KpiUpsert & { stageId: StageId } = {
      stageId,
      metric: metric.data,
      value: value!,
      ...(target !== undefined ? { target } : {}),
      ...(previous !== undefined ? { previous } : {}),
      ...(unit ? { unit } : {}),
      ...(direction ? { direction: direction as KpiDirection } : {}),
      ...(trend ? { trend: trend as KpiTrend } : {}),
    };
    const updates = (board.kpisByStage.get(stageId) ?? []).some((k) => k.id === kpiIdFor(stageId, metric.data));
    rows.push({ line, stageName: board.stages.find((s) => s.id === stageId)!.name, input, updates });
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ line: headerIndex + 1, message: 'The file has a header but no rows' });
  return { rows, errors };
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

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
