import type { SchemaBuilder } from './schemaBuilder.ts';

/**
 * People the server issued a credential to (only its sha256 is kept), the credentials of their
 * other devices, and the one-time codes that move an identity to another device.
 */
export async function people(s: SchemaBuilder): Promise<void> {
  await s
    .table('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credential_hash', s.bytes, (c) => c.notNull().unique())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('issued_board_id', 'text', (c) => c.notNull())
    .addColumn('issued_role', 'text', (c) => c.notNull())
    .addColumn('revoked_at', s.int64)
    .execute();
  await s.db.schema
    .createIndex('people_by_issuing_link')
    .ifNotExists()
    .on('people')
    .columns(['issued_board_id', 'issued_role', 'created_at'])
    .execute();
  await s
    .table('device_credentials')
    .addColumn('credential_hash', s.bytes, (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('revoked_at', s.int64)
    .execute();
  await s
    .table('device_transfers')
    .addColumn('code_hash', s.bytes, (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('expires_at', s.int64, (c) => c.notNull())
    .addColumn('redeemed_at', s.int64)
    .execute();
  await s.db.schema
    .createIndex('device_transfers_by_person')
    .ifNotExists()
    .on('device_transfers')
    .column('person_id')
    .execute();
  await s.db.schema
    .createIndex('device_transfers_by_expiry')
    .ifNotExists()
    .on('device_transfers')
    .column('expires_at')
    .execute();
}
