import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * KPI series (server/kpi/KpiRepository.ts): one row per board, KPI and period, so measuring the
 * same period again replaces its row. `at` is when the period starts, for ordering; the value is
 * a double on PostgreSQL (its `real` is 4 bytes and would turn 4.1 into 4.0999999).
 */
export async function kpiMeasurements(s: SchemaBuilder): Promise<void> {
  await s
    .table('kpi_measurements')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('kpi_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('at', s.int64, (c) => c.notNull())
    .addColumn('value', s.dialect === 'sqlite' ? 'real' : 'double precision', (c) => c.notNull())
    .addColumn('sample_size', s.int64)
    .addColumn('source', 'text')
    .addColumn('recorded_at', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_measurements_pkey', ['board_id', 'kpi_id', 'period'])
    .execute();
  await s.db.schema
    .createIndex('kpi_measurements_by_time')
    .ifNotExists()
    .on('kpi_measurements')
    .columns(['board_id', 'kpi_id', 'at'])
    .execute();
}
