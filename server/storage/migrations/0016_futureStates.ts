import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * A future-state board and the current-state board it was made from
 * (server/access/FutureStateRepository.ts). One future per current board, and a future board is
 * never itself a current one: the server refuses to make a future of a future. Here and not in the
 * board document, because it decides access (the future board opens with the current board's
 * links), and every client can write the document.
 */
export async function futureStates(s: SchemaBuilder): Promise<void> {
  await s.create('board_future_states', {
    future_board_id: ['text', (c) => ofBoard(c).primaryKey()],
    current_board_id: ['text', (c) => ofBoard(c).unique()],
    created_at: 'int64',
  });
}
