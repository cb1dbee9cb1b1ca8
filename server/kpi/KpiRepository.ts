import type { Kysely } from 'kysely';
import type { KpiId, StageId } from '../../shared/schema/ids.ts';
import { type KpiMeasurement, periodStart } from '../../shared/schema/kpiSeries.ts';
import { Repository } from '../storage/Repository.ts';
import type { Verbatim } from '../../shared/protocol/evidence.ts';

/** One measurement to write: of which KPI. */
export interface KpiMeasurementWrite {
  readonly kpiId: KpiId;
  readonly measurement: KpiMeasurement;
}

/** A response's words kept next to its stage (shared/protocol/evidence.ts `Verbatim`). */
type StoredVerbatim = Verbatim & { readonly boardId: string; readonly recordedAt: number };

interface KpiTables {
  kpi_measurements: KpiMeasurement & { boardId: string; kpiId: string; at: number; recordedAt: number };
  evidence_verbatims: StoredVerbatim;
}

// Rows per INSERT: 8 values each, far under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const INSERT_CHUNK = 500;
const COLUMNS = ['period', 'value', 'sampleSize', 'source'] as const;

/**
 * The KPI series of every board (table: migrations/0012_kpiMeasurements.ts), one row per board,
 * KPI and period, and the verbatims of imported evidence (0015_evidenceVerbatims.ts), written
 * with the measurements they were computed with, in one transaction. The board document holds
 * only the latest points of each KPI (KpiService mirrors them), so years of daily points never
 * reach the clients that open the board.
 */
export class KpiRepository extends Repository<KpiTables> {
  /** The KPI's measurements, oldest first; with `latest`, only the last that many (still oldest first). */
  async series(boardId: string, kpiId: string, latest?: number): Promise<KpiMeasurement[]> {
    let query = this.db
      .selectFrom('kpi_measurements')
      .select(COLUMNS)
      .where('boardId', '=', boardId)
      .where('kpiId', '=', kpiId)
      .orderBy('at', 'desc')
      .orderBy('period', 'desc');
    if (latest !== undefined) query = query.limit(latest);
    return (await query.execute()).reverse();
  }

  /**
   * Writes the measurements in one transaction, each replacing the KPI's measurement of that
   * period if it has one, and answers, per measurement in order, the value it replaced (null for
   * a new period). With `dryRun` it answers the same and writes nothing. The caller gives each
   * (KPI, period) once. `verbatims` are added in the same transaction, and each stage they touch
   * keeps its newest `verbatimsPerStage`.
   */
  async putMeasurements(
    boardId: string,
    writes: readonly KpiMeasurementWrite[],
    recordedAt: number,
    dryRun: boolean,
    evidence: { readonly verbatims: readonly Verbatim[]; readonly perStage: number } = NO_EVIDENCE,
  ): Promise<(number | null)[]> {
    if (writes.length === 0 && (dryRun || evidence.verbatims.length === 0)) return [];
    return this.db.transaction().execute(async (trx) => {
      const kpiIds = [...new Set(writes.map((w) => w.kpiId))];
      const existing = await trx
        .selectFrom('kpi_measurements')
        .select(['kpiId', 'period', 'value'])
        .where('boardId', '=', boardId)
        .where('kpiId', 'in', kpiIds)
        .execute();
      const before = new Map(existing.map((r) => [`${r.kpiId}|${r.period}`, r.value]));
      const replaced = writes.map((w) => before.get(`${w.kpiId}|${w.measurement.period}`) ?? null);
      if (dryRun) return replaced;
      for (let i = 0; i < writes.length; i += INSERT_CHUNK) {
        const rows = writes.slice(i, i + INSERT_CHUNK).map(({ kpiId, measurement: m }) => ({
          boardId,
          kpiId,
          period: m.period,
          at: periodStart(m.period) ?? 0,
          value: m.value,
          sampleSize: m.sampleSize,
          source: m.source,
          recordedAt,
        }));
        await trx
          .insertInto('kpi_measurements')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['boardId', 'kpiId', 'period']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              sampleSize: eb.ref('excluded.sampleSize'),
              source: eb.ref('excluded.source'),
              recordedAt: eb.ref('excluded.recordedAt'),
            })),
          )
          .execute();
      }
      await addVerbatims(trx, boardId, evidence, recordedAt);
      return replaced;
    });
  }

  /** A stage's verbatims, newest first. */
  async verbatims(boardId: string, stageId: StageId, limit: number): Promise<Verbatim[]> {
    return this.db
      .selectFrom('evidence_verbatims')
      .select(VERBATIM_COLUMNS)
      .where('boardId', '=', boardId)
      .where('stageId', '=', stageId)
      .orderBy('day', 'desc')
      .orderBy('recordedAt', 'desc')
      .orderBy('line', 'desc')
      .limit(limit)
      .execute();
  }
}

const NO_EVIDENCE = { verbatims: [], perStage: 0 };
const VERBATIM_COLUMNS = [
  'id',
  'stageId',
  'text',
  'score',
  'metric',
  'day',
  'channel',
  'touchpoint',
  'source',
  'line',
] as const;

async function addVerbatims(
  trx: Kysely<KpiTables>,
  boardId: string,
  { verbatims, perStage }: { readonly verbatims: readonly Verbatim[]; readonly perStage: number },
  recordedAt: number,
): Promise<void> {
  for (let i = 0; i < verbatims.length; i += INSERT_CHUNK)
    await trx
      .insertInto('evidence_verbatims')
      .values(verbatims.slice(i, i + INSERT_CHUNK).map((v) => ({ ...v, boardId, recordedAt })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  for (const stageId of new Set(verbatims.map((v) => v.stageId))) {
    const kept = trx
      .selectFrom('evidence_verbatims')
      .select('id')
      .where('boardId', '=', boardId)
      .where('stageId', '=', stageId)
      .orderBy('day', 'desc')
      .orderBy('recordedAt', 'desc')
      .orderBy('line', 'desc')
      .limit(perStage);
    await trx
      .deleteFrom('evidence_verbatims')
      .where('boardId', '=', boardId)
      .where('stageId', '=', stageId)
      .where('id', 'not in', kept)
      .execute();
  }
}
