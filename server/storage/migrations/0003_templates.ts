import type { SchemaBuilder } from './schemaBuilder.ts';

/** Boards saved as templates: no foreign key to `boards`, a template outlives its board. */
export async function templates(s: SchemaBuilder): Promise<void> {
  await s
    .table('board_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source_board_id', 'text', (c) => c.notNull())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await s.db.schema
    .createIndex('board_templates_by_time')
    .ifNotExists()
    .on('board_templates')
    .column('created_at')
    .execute();
}
