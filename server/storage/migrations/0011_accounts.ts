import type { Column, SchemaBuilder } from './schemaBuilder.ts';

/**
 * Company sign-in: who a signed-in person is at their company (four columns on `people`, added
 * to databases made before sign-in), their sessions (only the sha256 of a session id), the boards
 * they joined, and the boards open only to one email domain.
 */
export async function accounts(s: SchemaBuilder): Promise<void> {
  for (const column of ['issuer', 'subject', 'email', 'name']) await s.addColumnIfMissing('people', column, 'text');
  await s.index('people_by_subject', 'people', ['issuer', 'subject'], 'unique');
  const personId: Column = ['text', (c) => c.notNull().references('people.id').onDelete('cascade')];
  await s.create('sessions', { id_hash: 'bytes key', person_id: personId, created_at: 'int64', expires_at: 'int64' });
  await s.index('sessions_by_expiry', 'sessions', ['expires_at']);
  await s.create(
    'board_members',
    {
      person_id: personId,
      board_id: ['text', (c) => c.notNull().references('boards.id').onDelete('cascade')],
      role: 'text',
      last_seen: 'int64',
    },
    ['person_id', 'board_id'],
  );
  await s.create('board_sign_in_rules', {
    board_id: ['text', (c) => c.primaryKey().references('boards.id').onDelete('cascade')],
    members_domain: 'text',
  });
}
