import type { Hocuspocus } from '@hocuspocus/server';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { canFacilitate, type Role } from '../../shared/protocol/roles.ts';
import { type Actor, executeDef, mirrorKpiSeries } from '../../shared/model/commands/index.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { measurementImport, parseKpiCsv } from '../../shared/model/kpiImport.ts';
import { seriesUnitProblem } from '../../shared/model/kpiSeriesUnit.ts';
import type { ApiRowError } from '../../shared/protocol/http.ts';
import { EVIDENCE_LIMITS, parseEvidenceCsv } from '../../shared/model/evidenceImport.ts';
import type {
  EvidenceImportInput,
  EvidenceImportResponse,
  Verbatim,
  VerbatimListResponse,
} from '../../shared/protocol/evidence.ts';
import { stageIdSchema } from '../../shared/schema/stage.ts';
import crypto from 'node:crypto';
import type {
  ImportedKpi,
  ImportMeasurementsResponse,
  MeasurementListResponse,
} from '../../shared/protocol/kpiMeasurements.ts';
import type { StageId } from '../../shared/schema/ids.ts';
import { kpiIdFor, kpiIdSchema } from '../../shared/schema/kpi.ts';
import { KPI_SERIES_LIMITS, seriesSummary } from '../../shared/schema/kpiSeries.ts';
import { BoardQueue, withLiveDocument } from '../live/boardQueue.ts';
import { log } from '../observability/log.ts';
import type { KpiRepository, KpiMeasurementWrite } from './KpiRepository.ts';

/** Why a KPI request was refused: a code for the caller to map, and words for a person. */
export interface KpiFailure {
  readonly ok: false;
  readonly code:
    | 'invalid-kpi'
    | 'invalid-stage'
    | 'stage-not-found'
    | 'duplicate-period'
    | 'board-locked'
    | 'invalid-rows';
  readonly message: string;
  /** `invalid-rows`: every bad line of a CSV body, or every bad KPI of a JSON one (`path`). */
  readonly rows?: readonly ApiRowError[];
}
export type KpiResult<T> = { readonly ok: true; readonly value: T } | KpiFailure;

export interface KpiServiceConfig {
  readonly store: Pick<KpiRepository, 'series' | 'putMeasurements' | 'verbatims'>;
  /** Whether the facilitator has locked the board (editors are read-only then, as on the board itself). */
  readonly isLocked?: (boardId: string) => Promise<boolean>;
  readonly now?: () => number;
}

/** Who the board says wrote the mirror (KPI records carry no author; commands want an actor). */
const SERVER_ACTOR: Actor = { id: 'server', name: 'Journeyboard', department: 'other' };

/**
 * Owns the KPI series. The whole series is in the database (KpiRepository); after each import the
 * latest points of each KPI it touched are mirrored into the board document (value, previous,
 * the latest period, the sparkline) in one server transaction, so every client sees them live
 * and none downloads years of points to open the board. The HTTP routes only parse and map.
 *
 * Imports of one board run one after another (BoardQueue), so each mirror is written from the
 * series as it stands after every earlier import: the document never shows an older latest.
 */
export class KpiService {
  readonly #store: KpiServiceConfig['store'];
  readonly #now: () => number;
  readonly #isLocked: (boardId: string) => Promise<boolean>;
  readonly #queue = new BoardQueue();
  #instance: Hocuspocus | null = null;

  constructor(config: KpiServiceConfig) {
    this.#store = config.store;
    this.#now = config.now ?? Date.now;
    this.#isLocked = config.isLocked ?? (async () => false);
  }

  attach(instance: Hocuspocus): void {
    this.#instance = instance;
  }

  /** Every measurement of the KPI, oldest first; an id of no KPI yet is an empty series. */
  async measurements(boardId: string, kpiId: string): Promise<KpiResult<MeasurementListResponse>> {
    const id = kpiIdSchema.safeParse(kpiId);
    if (!id.success) return { ok: false, code: 'invalid-kpi', message: `"${kpiId.slice(0, 60)}" is not a KPI id` };
    return { ok: true, value: { kpiId: id.data, measurements: await this.#store.series(boardId, id.data) } };
  }

  /**
   * Writes the measurements (each replacing the KPI's measurement of that period), creates the
   * KPIs a stage lacks, and mirrors the new latest points into the board; with `dryRun`, only
   * says what would be added and replaced. All or nothing: a stage the board does not have, or
   * one KPI and period twice, refuses the whole import before anything is written. `role` is
   * the caller's (an editor or a facilitator: the route checks); a locked board refuses editors.
   */
  async importMeasurements(
    boardId: string,
    kpis: readonly ImportedKpi[],
    dryRun: boolean,
    role: Role,
  ): Promise<KpiResult<ImportMeasurementsResponse>> {
    return this.#onBoard(boardId, role, async (doc) => {
      const board = readBoard(doc);
      const rows = kpis.flatMap((k, i) => {
        const problem = seriesUnitProblem(board.kpis, k);
        return problem ? [{ path: `kpis.${i}.unit`, message: `${problem}. ${OTHER_METRIC}` }] : [];
      });
      if (rows.length > 0) return { ok: false, code: 'invalid-rows', message: rows[0]!.message, rows };
      return this.#write(boardId, doc, kpis, dryRun);
    });
  }

  /**
   * The same from a dated KPI CSV (`stage,metric,date,value,…`, shared/model/kpiImport.ts), read
   * against the board's stage names as the client's import reads it. Any bad line refuses the
   * whole file, with every bad line listed; a file without a `date` column is refused.
   */
  async importCsv(
    boardId: string,
    csv: string,
    dryRun: boolean,
    role: Role,
  ): Promise<KpiResult<ImportMeasurementsResponse>> {
    return this.#onBoard(boardId, role, async (doc) => {
      const board = readBoard(doc);
      const parsed = parseKpiCsv(csv, board);
      const mixed = parsed.measurements.flatMap((row) => {
        const problem = seriesUnitProblem(board.kpis, row.kpi);
        return problem ? [{ line: row.line, message: `${problem}. ${OTHER_METRIC}` }] : [];
      });
      const errors = [...parsed.errors, ...mixed].sort((a, b) => a.line - b.line);
      if (errors.length > 0)
        return { ok: false, code: 'invalid-rows', message: 'Some lines cannot be imported', rows: errors };
      if (!parsed.dated)
        return fail(
          'invalid-rows',
          'The ingest takes dated measurements: add a "date" column (a day 2026-03-14, a month 2026-03 or a quarter 2026-Q1)',
        );
      return this.#write(boardId, doc, measurementImport(parsed.measurements), dryRun);
    });
  }

  /**
   * Reads a survey or support export (shared/model/evidenceImport.ts), writes the metric per
   * period of each stage it touches as measurements, and keeps the responses' words as verbatims
   * next to their stage, in one transaction; with `dryRun` only says what it would write. Any bad
   * line refuses the whole file, with every bad line listed.
   */
  async importEvidence(
    boardId: string,
    request: EvidenceImportInput,
    role: Role,
  ): Promise<KpiResult<EvidenceImportResponse>> {
    return this.#onBoard(boardId, role, async (doc) => {
      const board = readBoard(doc);
      if (request.stageId && !board.stages.some((st) => st.id === request.stageId))
        return fail('stage-not-found', `This board has no stage ${request.stageId}; someone may have removed it`);
      const parsed = parseEvidenceCsv(request.csv, board, request);
      if (parsed.errors.length > 0)
        return { ok: false, code: 'invalid-rows', message: 'Some lines cannot be imported', rows: parsed.errors };
      // Every response of a stage whose metric is kept in another unit is named: they make the refused points.
      const mixed = new Map(parsed.kpis.map((k) => [k.stageId, seriesUnitProblem(board.kpis, k)]));
      const rows = parsed.responses.flatMap((r) => {
        const problem = r.score === null ? null : mixed.get(r.stageId);
        return problem ? [{ line: r.line, message: `${problem}. ${EVIDENCE_ELSEWHERE}` }] : [];
      });
      if (rows.length > 0) return { ok: false, code: 'invalid-rows', message: 'Some lines cannot be imported', rows };
      const verbatims = parsed.responses
        .filter((r) => r.text !== '')
        .map(({ stageId, text, score, day, channel, touchpoint, line }) => ({
          id: verbatimId(boardId, stageId, day, text, score, channel, touchpoint),
          stageId,
          text,
          score,
          metric: request.metric,
          day,
          channel,
          touchpoint,
          source: request.source,
          line,
        }));
      const written = await this.#write(boardId, doc, parsed.kpis, request.dryRun, verbatims);
      if (!written.ok) return written;
      const measurements = parsed.kpis.flatMap((k) => k.measurements.map((m) => ({ stageId: k.stageId, ...m })));
      return {
        ok: true,
        value: {
          dryRun: request.dryRun,
          responses: parsed.responses.length,
          verbatims: verbatims.length,
          measurements: written.value.changes.map((c, i) => ({
            stageId: measurements[i]!.stageId,
            kpiId: c.kpiId,
            period: c.period,
            value: c.value,
            sampleSize: measurements[i]!.sampleSize ?? 0,
            replaces: c.replaces,
          })),
        },
      };
    });
  }

  /** A stage's verbatims, newest first (at most the number a stage keeps). */
  async verbatims(boardId: string, stageId: string): Promise<KpiResult<VerbatimListResponse>> {
    const id = stageIdSchema.safeParse(stageId);
    if (!id.success)
      return { ok: false, code: 'invalid-stage', message: `"${stageId.slice(0, 60)}" is not a stage id` };
    return {
      ok: true,
      value: { verbatims: await this.#store.verbatims(boardId, id.data, EVIDENCE_LIMITS.verbatimsPerStage) },
    };
  }

  /** Runs `fn` on the board's document after earlier imports of the board; a locked board refuses editors. */
  async #onBoard<T>(boardId: string, role: Role, fn: (doc: BoardDoc) => Promise<KpiResult<T>>): Promise<KpiResult<T>> {
    if (!canFacilitate(role) && (await this.#isLocked(boardId)))
      return fail('board-locked', 'The facilitator has locked the board: only a facilitator can import now');
    return this.#queue.run(boardId, () => withLiveDocument(this.#instance, boardId, fn, { kpi: true }));
  }

  async #write(
    boardId: string,
    doc: BoardDoc,
    kpis: readonly ImportedKpi[],
    dryRun: boolean,
    verbatims: readonly Verbatim[] = [],
  ): Promise<KpiResult<ImportMeasurementsResponse>> {
    const stages = new Set<string>(readBoard(doc).stages.map((s) => s.id));
    const writes: KpiMeasurementWrite[] = [];
    const seen = new Set<string>();
    for (const kpi of kpis) {
      if (!stages.has(kpi.stageId))
        return fail('stage-not-found', `This board has no stage ${kpi.stageId}; someone may have removed it`);
      const kpiId = kpiIdFor(kpi.stageId as StageId, kpi.metric);
      for (const measurement of kpi.measurements) {
        const key = `${kpiId}|${measurement.period}`;
        if (seen.has(key))
          return fail('duplicate-period', `${kpi.metric} has two measurements for ${measurement.period}`);
        seen.add(key);
        writes.push({ kpiId, measurement });
      }
    }
    const replaced = await this.#store.putMeasurements(boardId, writes, this.#now(), dryRun, {
      verbatims,
      perStage: EVIDENCE_LIMITS.verbatimsPerStage,
    });
    if (!dryRun && kpis.length > 0) await this.#mirror(boardId, doc, kpis);
    const changes = writes.map((w, i) => ({
      kpiId: w.kpiId,
      period: w.measurement.period,
      value: w.measurement.value,
      replaces: replaced[i] ?? null,
    }));
    const count = changes.filter((c) => c.replaces !== null).length;
    return { ok: true, value: { dryRun, added: changes.length - count, replaced: count, changes } };
  }

  async #mirror(boardId: string, doc: BoardDoc, kpis: readonly ImportedKpi[]): Promise<void> {
    const input = await Promise.all(
      kpis.map(async ({ measurements: _, ...kpi }) => {
        const latest = await this.#store.series(
          boardId,
          kpiIdFor(kpi.stageId as StageId, kpi.metric),
          KPI_SERIES_LIMITS.recentPoints,
        );
        const { value, previous, mirror } = seriesSummary(latest);
        // With one point there is no previous measurement: a previous value set by hand stays.
        const before = previous === null ? {} : { previous };
        return { ...kpi, value, ...before, recent: [...mirror.recent] };
      }),
    );
    executeDef(doc, SERVER_ACTOR, mirrorKpiSeries, { kpis: input }, ORIGIN.server);
    log.info({ board: boardId }, `KPI series: ${kpis.length} KPI(s) mirrored into the board`);
  }
}

type BoardDoc = Parameters<typeof readBoard>[0];

const OTHER_METRIC = 'Send them under another metric name, or in the unit of the measurements the KPI has';
const EVIDENCE_ELSEWHERE =
  'Keep the survey’s scores in a KPI of their own: import it onto a stage whose metric has no measurements in another unit';

/** The same response imported again (the same file sent twice) is the same verbatim, kept once. */
function verbatimId(...fields: readonly unknown[]): string {
  return `vb_${crypto.createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 24)}`;
}

function fail(code: KpiFailure['code'], message: string): KpiFailure {
  return { ok: false, code, message };
}
