import { sql } from 'kysely';
import type { SchemaBuilder } from './schemaBuilder.ts';

/** Per board: who was removed, whether admission is on, who was let in, who waits in the lobby. */
export async function boardPeople(s: SchemaBuilder): Promise<void> {
  await s
    .table('board_removed_people')
    .addColumn('board_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('removed_at', s.int64, (c) => c.notNull())
    .addColumn('removed_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_removed_people_pkey', ['board_id', 'person_id'])
    .execute();
  await s
    .table('board_admission')
    .addColumn('board_id', 'text', (c) => c.primaryKey())
    .addColumn('on_since', s.int64)
    .execute();
  await s
    .table('board_admitted_people')
    .addColumn('board_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('admitted_at', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('board_admitted_people_pkey', ['board_id', 'person_id'])
    .execute();
  await s
    .table('board_lobby')
    .addColumn('board_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('since', s.int64, (c) => c.notNull())
    .addColumn('denied', 'integer', (c) => c.notNull().defaultTo(sql`0`))
    .addPrimaryKeyConstraint('board_lobby_pkey', ['board_id', 'person_id'])
    .execute();
}
