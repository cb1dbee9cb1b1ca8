import { boardId, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * KPI series (server/kpi/KpiRepository.ts): one row per board, KPI and period, so measuring the
 * same period again replaces its row. `at` is when the period starts, for ordering; the value is
 * a double on PostgreSQL (its `real` is 4 bytes and would turn 4.1 into 4.0999999).
 */
export async function kpiMeasurements(s: SchemaBuilder): Promise<void> {
  await s.create(
    'kpi_measurements',
    {
      board_id: boardId,
      kpi_id: 'text',
      period: 'text',
      at: 'int64',
      value: 'double',
      sample_size: 'int64?',
      source: 'text?',
      recorded_at: 'int64',
    },
    ['board_id', 'kpi_id', 'period'],
  );
  await s.index('kpi_measurements_by_time', 'kpi_measurements', ['board_id', 'kpi_id', 'at']);
}
