import type { Kysely } from 'kysely';
import type { KpiId } from '../../shared/schema/ids.ts';
import { type KpiMeasurement, periodStart } from '../../shared/schema/kpiSeries.ts';
import type { Database } from '../storage/database.ts';

/** One measurement to write: of which KPI. */
export interface KpiMeasurementWrite {
  readonly kpiId: KpiId;
  readonly measurement: KpiMeasurement;
}

interface KpiTables {
  kpi_measurements: KpiMeasurement & { boardId: string; kpiId: string; at: number; recordedAt: number };
}

// Rows per INSERT: 8 values each, far under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const INSERT_CHUNK = 500;
const COLUMNS = ['period', 'value', 'sampleSize', 'source'] as const;

/**
 * The KPI series of every board (table: migrations/0012_kpiMeasurements.ts), one row per board,
 * KPI and period. The board document holds only the latest points of each KPI (KpiService
 * mirrors them), so years of daily points never reach the clients that open the board.
 */
export class KpiRepository {
  readonly #db: Kysely<KpiTables>;

  constructor(database: Database) {
    this.#db = database.camelCase<KpiTables>();
  }

  /** The KPI's measurements, oldest first; with `latest`, only the last that many (still oldest first). */
  async series(boardId: string, kpiId: string, latest?: number): Promise<KpiMeasurement[]> {
    let query = this.#db
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
   * (KPI, period) once.
   */
  async putMeasurements(
    boardId: string,
    writes: readonly KpiMeasurementWrite[],
    recordedAt: number,
    dryRun: boolean,
  ): Promise<(number | null)[]> {
    if (writes.length === 0) return [];
    return this.#db.transaction().execute(async (trx) => {
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
      return replaced;
    });
  }
}
