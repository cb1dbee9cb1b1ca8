import type { SchemaBuilder } from './schemaBuilder.ts';

/**
 * Company sign-in: who a signed-in person is at their company (four columns on `people`, added
 * to databases made before sign-in), their sessions (only the sha256 of a session id), the boards
 * they joined, and the boards open only to one email domain.
 */
export async function accounts(s: SchemaBuilder): Promise<void> {
  for (const column of ['issuer', 'subject', 'email', 'name']) await s.addColumnIfMissing('people', column, 'text');
  await s.db.schema
    .createIndex('people_by_subject')
    .ifNotExists()
    .unique()
    .on('people')
    .columns(['issuer', 'subject'])
    .execute();
  await s
    .table('sessions')
    .addColumn('id_hash', s.bytes, (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('expires_at', s.int64, (c) => c.notNull())
    .execute();
  await s.db.schema.createIndex('sessions_by_expiry').ifNotExists().on('sessions').column('expires_at').execute();
  await s
    .table('board_members')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('last_seen', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('board_members_pkey', ['person_id', 'board_id'])
    .execute();
  await s
    .table('board_sign_in_rules')
    .addColumn('board_id', 'text', (c) => c.primaryKey().references('boards.id').onDelete('cascade'))
    .addColumn('members_domain', 'text', (c) => c.notNull())
    .execute();
}
