import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * Board integration keys (server/kpi/IntegrationKeyRepository.ts): what a nightly job sends to
 * `POST /api/boards/:id/measurements`. Only the key's SHA-256 is kept (the key is 32 random
 * bytes, so a fast hash is enough) and its first characters, so people can tell keys apart.
 */
export async function integrationKeys(s: SchemaBuilder): Promise<void> {
  await s
    .table('integration_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('last_used_at', s.int64)
    .execute();
  await s.db.schema
    .createIndex('integration_keys_by_board')
    .ifNotExists()
    .on('integration_keys')
    .column('board_id')
    .execute();
}
