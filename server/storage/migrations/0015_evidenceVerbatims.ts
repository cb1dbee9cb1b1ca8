import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * Survey and support verbatims (server/kpi/KpiRepository.ts): the words of imported responses,
 * next to their stage, a few hundred per stage at most. Here and not in the board document: they
 * are read next to a stage on demand, and every client would otherwise download all of them.
 * `line` and `source` point back to the row of the file it came from.
 */
export async function evidenceVerbatims(s: SchemaBuilder): Promise<void> {
  await s
    .table('evidence_verbatims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('touchpoint', 'text')
    .addColumn('source', 'text')
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', s.int64, (c) => c.notNull())
    .execute();
  await s.db.schema
    .createIndex('evidence_verbatims_by_stage')
    .ifNotExists()
    .on('evidence_verbatims')
    .columns(['board_id', 'stage_id', 'day'])
    .execute();
}
