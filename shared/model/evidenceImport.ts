import Papa from 'papaparse';
import type { KpiDirection } from '../schema/kpi.ts';
import type { StageId } from '../schema/ids.ts';
import { type KpiMeasurement, periodStart } from '../schema/kpiSeries.ts';
import type { BoardSnapshot } from './boardSnapshot.ts';
import {
  EVIDENCE_METRICS,
  type EvidenceGranularity,
  type EvidenceMetric,
  evidenceMeasurements,
} from './evidenceMetrics.ts';
import { startsLikeFormula } from './formulaCells.ts';
import { isNumber, parseNumber } from './kpiImport.ts';

export const EVIDENCE_LIMITS = {
  /** Characters of one verbatim. */
  textLength: 2000,
  channelLength: 60,
  /** Responses in one file. */
  perImport: 50_000,
  /** Verbatims kept per stage (the newest by date); older ones are dropped as new ones come. */
  verbatimsPerStage: 300,
} as const;

/** The columns of a survey or support export; the header names them, in any order and any case. */
const COLUMNS = ['text', 'score', 'date', 'channel', 'stage', 'touchpoint'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['text', 'score', 'date'];
/** What survey tools call them ("comment", "rating", "submitted_at"…). */
const ALIASES: Readonly<Record<string, Column>> = {
  comment: 'text',
  verbatim: 'text',
  feedback: 'text',
  response: 'text',
  answer: 'text',
  rating: 'score',
  day: 'date',
  submitted_at: 'date',
  created_at: 'date',
  timestamp: 'date',
  source: 'channel',
};

export interface EvidenceOptions {
  /** The stage of rows without a `stage` cell; null when each row must name one. */
  readonly stageId: StageId | null;
  readonly metric: EvidenceMetric;
  readonly granularity: EvidenceGranularity;
  /** Where the file came from ("Qualtrics March.csv"): the measurements' source. */
  readonly source: string | null;
}

/** One response of the file, as it is kept (when it has words) next to its stage. */
interface EvidenceResponse {
  /** The file's line (the header is line 1): the link back to the source row. */
  readonly line: number;
  readonly stageId: StageId;
  readonly text: string;
  readonly score: number | null;
  /** `2026-03-14` */
  readonly day: string;
  readonly channel: string | null;
  readonly touchpoint: string | null;
}

/** The measurements of one stage's KPI, as the KPI import takes them. */
interface EvidenceKpi {
  readonly stageId: StageId;
  readonly metric: EvidenceMetric;
  readonly unit: string;
  readonly direction: KpiDirection;
  readonly measurements: KpiMeasurement[];
}

export interface EvidencePreview {
  readonly responses: readonly EvidenceResponse[];
  readonly kpis: readonly EvidenceKpi[];
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

const DAY_OF = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a survey or support export (CSV: text, score, date, and optionally channel, stage,
 * touchpoint) against the board: each response's stage, day and score, and the metric per period
 * of each stage (evidenceMetrics.ts). Every bad line gets its own error (a score off the
 * metric's scale, a date that is not a day, an unknown stage, a cell that would run as a
 * spreadsheet formula); the caller imports nothing while there is one. Nothing here writes.
 */
export function parseEvidenceCsv(
  text: string,
  board: Pick<BoardSnapshot, 'stages'>,
  options: EvidenceOptions,
): EvidencePreview {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const refuse = (line: number, message: string): EvidencePreview => ({
    responses: [],
    kpis: [],
    errors: [{ line, message }],
  });
  const headerIndex = parsed.data.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return refuse(1, 'The file is empty: expected a header row "text,score,date,channel"');
  const header = parsed.data[headerIndex]!.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const columns = new Map<Column, number>();
  for (const name of COLUMNS) {
    const i = header.findIndex((h) => h === name || ALIASES[h] === name);
    if (i >= 0) columns.set(name, i);
  }
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0)
    return refuse(
      headerIndex + 1,
      `The header row needs the columns ${missing.map((m) => `"${m}"`).join(', ')} (found: ${header.filter(Boolean).join(', ') || 'nothing'}). Expected: text,score,date,channel and optionally stage,touchpoint`,
    );

  const badRows = new Map<number, string>();
  for (const e of parsed.errors)
    if (e.code !== 'UndetectableDelimiter' && e.row !== undefined) badRows.set(e.row, e.message);
  const stagesByName = new Map<string, StageId[]>();
  for (const s of board.stages) {
    const key = s.name.trim().toLowerCase();
    stagesByName.set(key, [...(stagesByName.get(key) ?? []), s.id]);
  }
  const scale = EVIDENCE_METRICS[options.metric];
  const responses: EvidenceResponse[] = [];
  const errors: { line: number; message: string }[] = [];

  for (let i = headerIndex + 1; i < parsed.data.length; i++) {
    const cells = parsed.data[i]!;
    const line = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    if (badRows.has(i)) {
      errors.push({ line, message: `Could not read this line: ${badRows.get(i)}` });
      continue;
    }
    if (responses.length >= EVIDENCE_LIMITS.perImport) {
      errors.push({
        line,
        message: `Only ${EVIDENCE_LIMITS.perImport} responses can be imported at once; split the file`,
      });
      break;
    }
    const cell = (c: Column) => (columns.has(c) ? (cells[columns.get(c)!] ?? '').trim() : '');
    const problems: string[] = [];
    for (const c of ['text', 'channel', 'stage', 'touchpoint'] as const)
      if (startsLikeFormula(cell(c), isNumber))
        problems.push(`the ${c} "${cell(c).slice(0, 30)}" starts like a spreadsheet formula (${cell(c)[0]})`);

    const words = cell('text');
    if (words.length > EVIDENCE_LIMITS.textLength)
      problems.push(`the text is longer than ${EVIDENCE_LIMITS.textLength} characters`);
    let score: number | null = null;
    if (cell('score')) {
      const n = parseNumber(cell('score'));
      if (n === null || !Number.isInteger(n) || n < scale.min || n > scale.max)
        problems.push(
          `the score "${cell('score').slice(0, 30)}" is not a whole number from ${scale.min} to ${scale.max} (${options.metric})`,
        );
      else score = n;
    } else if (!words) problems.push('the row has neither a text nor a score');

    const day = DAY_OF.exec(cell('date'))?.[1];
    if (!cell('date')) problems.push('the date is missing (a day such as 2026-03-14)');
    else if (!day || periodStart(day) === null)
      problems.push(`the date "${cell('date').slice(0, 30)}" is not a day such as 2026-03-14`);

    let stageId = options.stageId;
    const stageName = cell('stage');
    if (stageName) {
      const ids = stagesByName.get(stageName.toLowerCase()) ?? [];
      if (ids.length === 1) stageId = ids[0]!;
      else
        problems.push(
          ids.length === 0
            ? `there is no stage named "${stageName.slice(0, 60)}" on this board`
            : `${ids.length} stages are named "${stageName.slice(0, 60)}": rename one`,
        );
    } else if (!stageId) problems.push('the row names no stage: choose a stage for the file, or fill the stage column');
    const channel = cell('channel');
    if (channel.length > EVIDENCE_LIMITS.channelLength)
      problems.push(`the channel is longer than ${EVIDENCE_LIMITS.channelLength} characters`);

    if (problems.length > 0) {
      const message = problems.join('; ');
      errors.push({ line, message: message.charAt(0).toUpperCase() + message.slice(1) });
      continue;
    }
    responses.push({
      line,
      stageId: stageId!,
      text: words,
      score,
      day: day!,
      channel: channel || null,
      touchpoint: cell('touchpoint').slice(0, EVIDENCE_LIMITS.channelLength) || null,
    });
  }
  if (responses.length === 0 && errors.length === 0)
    errors.push({ line: headerIndex + 1, message: 'The file has a header but no responses' });
  if (errors.length > 0) return { responses: [], kpis: [], errors };

  const stages = [...new Set(responses.map((r) => r.stageId))];
  const kpis = stages.flatMap((stageId) => {
    const measurements = evidenceMeasurements(
      responses.filter((r) => r.stageId === stageId),
      options.metric,
      options.granularity,
      options.source,
    );
    return measurements.length === 0
      ? []
      : [{ stageId, metric: options.metric, unit: scale.unit, direction: scale.direction, measurements }];
  });
  return { responses, kpis, errors };
}
