import type { SchemaBuilder } from './schemaBuilder.ts';

/** The live-workshop state of each board (timer, lock, hidden cursors), one JSON row per board. */
export async function workshop(s: SchemaBuilder): Promise<void> {
  await s
    .table('board_workshop')
    .addColumn('board_id', 'text', (c) => c.primaryKey().references('boards.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', s.int64, (c) => c.notNull())
    .execute();
}
