import type { SchemaBuilder } from './schemaBuilder.ts';

/** Boards saved as templates: no foreign key to `boards`, a template outlives its board. */
export async function templates(s: SchemaBuilder): Promise<void> {
  await s.create('board_templates', {
    id: 'text key',
    name: 'text',
    description: 'text',
    source_board_id: 'text',
    created_at: 'int64',
    body: 'text',
  });
  await s.index('board_templates_by_time', 'board_templates', ['created_at']);
}
