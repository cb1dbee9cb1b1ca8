import { boardId, type SchemaBuilder } from './schemaBuilder.ts';

/** Version history: full encoded states beside the board (CheckpointRepository.ts). */
export async function checkpoints(s: SchemaBuilder): Promise<void> {
  await s.create('board_checkpoints', {
    id: 'text key',
    board_id: boardId,
    kind: 'text',
    label: 'text',
    created_by_id: 'text?',
    created_by_name: 'text?',
    created_at: 'int64',
    note_count: 'integer',
    state: 'bytes',
  });
  await s.index('board_checkpoints_by_board', 'board_checkpoints', ['board_id', 'created_at']);
}
