import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/** Visits, thread reads and the recent note activity of each board. */
export async function activity(s: SchemaBuilder): Promise<void> {
  await s
    .table('board_visits')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', s.int64, (c) => c.notNull())
    .addColumn('last_seen_at', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('board_visits_pkey', ['board_id', 'person_id'])
    .execute();
  await s
    .table('thread_reads')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('read_at', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_reads_pkey', ['board_id', 'person_id', 'thread_id'])
    .execute();
  await s
    .serial(s.table('board_activity'), 'seq')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('at', s.int64, (c) => c.notNull())
    .addColumn('note_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('by_person', 'text')
    .execute();
  await s.db.schema
    .createIndex('board_activity_by_time')
    .ifNotExists()
    .on('board_activity')
    .columns(['board_id', 'at'])
    .execute();
  // Databases made before identities have the table without the column.
  await s.addColumnIfMissing('board_activity', 'by_person', 'text');
}
