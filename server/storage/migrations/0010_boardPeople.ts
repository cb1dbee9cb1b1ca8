import { sql } from 'kysely';
import type { SchemaBuilder } from './schemaBuilder.ts';

/** Per board: who was removed, whether admission is on, who was let in, who waits in the lobby. */
export async function boardPeople(s: SchemaBuilder): Promise<void> {
  const person = ['board_id', 'person_id'];
  await s.create(
    'board_removed_people',
    { board_id: 'text', person_id: 'text', removed_at: 'int64', removed_by: 'text' },
    person,
  );
  await s.create('board_admission', { board_id: 'text key', on_since: 'int64?' });
  await s.create('board_admitted_people', { board_id: 'text', person_id: 'text', admitted_at: 'int64' }, person);
  await s.create(
    'board_lobby',
    {
      board_id: 'text',
      person_id: 'text',
      name: 'text',
      since: 'int64',
      denied: ['integer', (c) => c.notNull().defaultTo(sql`0`)],
    },
    person,
  );
}
