import { boardId, type SchemaBuilder } from './schemaBuilder.ts';

/** Visits, thread reads and the recent note activity of each board. */
export async function activity(s: SchemaBuilder): Promise<void> {
  await s.create(
    'board_visits',
    {
      board_id: boardId,
      person_id: 'text',
      name: 'text',
      department: 'text',
      first_seen_at: 'int64',
      last_seen_at: 'int64',
    },
    ['board_id', 'person_id'],
  );
  await s.create('thread_reads', { board_id: boardId, person_id: 'text', thread_id: 'text', read_at: 'int64' }, [
    'board_id',
    'person_id',
    'thread_id',
  ]);
  await s.create('board_activity', {
    seq: 'serial',
    board_id: boardId,
    at: 'int64',
    note_id: 'text',
    change: 'text',
    label: 'text',
    by_person: 'text?',
  });
  await s.index('board_activity_by_time', 'board_activity', ['board_id', 'at']);
  // Databases made before identities have the table without the column.
  await s.addColumnIfMissing('board_activity', 'by_person', 'text');
}
