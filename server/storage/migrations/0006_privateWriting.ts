import { sql } from 'kysely';
import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/** Private-writing phases (at most one open per board) and the drafts held until the reveal. */
export async function privateWriting(s: SchemaBuilder): Promise<void> {
  await s
    .table('private_phases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'revealed', 'cancelled')`))
    .addColumn('opened_at', s.int64, (c) => c.notNull())
    .addColumn('opened_by_id', 'text', (c) => c.notNull())
    .addColumn('opened_by_name', 'text', (c) => c.notNull())
    .addColumn('timer_run', 'integer')
    .addColumn('closed_at', s.int64)
    .execute();
  await s.db.schema
    .createIndex('private_phases_one_open')
    .ifNotExists()
    .unique()
    .on('private_phases')
    .column('board_id')
    .where(sql.ref('status'), '=', sql.lit('open'))
    .execute();
  await s
    .table('private_drafts')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('lane_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('placed_at', s.int64, (c) => c.notNull())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('updated_at', s.int64, (c) => c.notNull())
    .addColumn('note_id', 'text')
    .addPrimaryKeyConstraint('private_drafts_pkey', ['board_id', 'id'])
    .execute();
  await s.db.schema
    .createIndex('private_drafts_by_person')
    .ifNotExists()
    .on('private_drafts')
    .columns(['board_id', 'person_id'])
    .execute();
}
