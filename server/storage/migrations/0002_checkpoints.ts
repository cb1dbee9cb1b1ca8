import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/** Version history: full encoded states beside the board (CheckpointRepository.ts). */
export async function checkpoints(s: SchemaBuilder): Promise<void> {
  await s
    .table('board_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('note_count', 'integer', (c) => c.notNull())
    .addColumn('state', s.bytes, (c) => c.notNull())
    .execute();
  await s.db.schema
    .createIndex('board_checkpoints_by_board')
    .ifNotExists()
    .on('board_checkpoints')
    .columns(['board_id', 'created_at'])
    .execute();
}
