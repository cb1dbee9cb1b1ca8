import type { SchemaBuilder } from './schemaBuilder.ts';

/**
 * People the server issued a credential to (only its sha256 is kept), the credentials of their
 * other devices, and the one-time codes that move an identity to another device.
 */
export async function people(s: SchemaBuilder): Promise<void> {
  await s.create('people', {
    id: 'text key',
    credential_hash: ['bytes', (c) => c.notNull().unique()],
    created_at: 'int64',
    issued_board_id: 'text',
    issued_role: 'text',
    revoked_at: 'int64?',
  });
  await s.index('people_by_issuing_link', 'people', ['issued_board_id', 'issued_role', 'created_at']);
  await s.create('device_credentials', {
    credential_hash: 'bytes key',
    person_id: ['text', (c) => c.notNull().references('people.id')],
    created_at: 'int64',
    revoked_at: 'int64?',
  });
  await s.create('device_transfers', {
    code_hash: 'bytes key',
    person_id: 'text',
    created_at: 'int64',
    expires_at: 'int64',
    redeemed_at: 'int64?',
  });
  await s.index('device_transfers_by_person', 'device_transfers', ['person_id']);
  await s.index('device_transfers_by_expiry', 'device_transfers', ['expires_at']);
}
