import type { SchemaBuilder } from './schemaBuilder.ts';

/** The live-workshop state of each board (timer, lock, hidden cursors), one JSON row per board. */
export async function workshop(s: SchemaBuilder): Promise<void> {
  await s.create('board_workshop', {
    board_id: ['text', (c) => c.primaryKey().references('boards.id').onDelete('cascade')],
    state: 'text',
    updated_at: 'int64',
  });
}
