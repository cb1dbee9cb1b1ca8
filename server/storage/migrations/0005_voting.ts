import { sql } from 'kysely';
import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/** Voting rounds and their secret ballots; the partial unique index makes "one open round per board" a rule. */
export async function voting(s: SchemaBuilder): Promise<void> {
  await s
    .table('voting_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'revealed', 'cancelled')`))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('opened_at', s.int64, (c) => c.notNull())
    .addColumn('opened_by_id', 'text', (c) => c.notNull())
    .addColumn('opened_by_name', 'text', (c) => c.notNull())
    .addColumn('ends_at', s.int64)
    .addColumn('closed_at', s.int64)
    .addColumn('result', 'text')
    .execute();
  await s.db.schema
    .createIndex('voting_rounds_one_open')
    .ifNotExists()
    .unique()
    .on('voting_rounds')
    .column('board_id')
    .where(sql.ref('status'), '=', sql.lit('open'))
    .execute();
  await s.db.schema
    .createIndex('voting_rounds_by_board')
    .ifNotExists()
    .on('voting_rounds')
    .columns(['board_id', 'opened_at'])
    .execute();
  await s
    .table('voting_ballots')
    .addColumn('round_id', 'text', (c) => c.notNull().references('voting_rounds.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('dots', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('voting_ballots_pkey', ['round_id', 'person_id'])
    .execute();
}
