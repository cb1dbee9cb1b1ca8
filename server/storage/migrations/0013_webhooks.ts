import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * Webhooks of a board and their delivery log. The signing secret is sealed (AES-256-GCM under
 * SECRETS_KEY), not hashed: the server must sign with it. A delivery row is the queue too:
 * `pending` rows are sent when `next_attempt_at` is due, by the instance that takes the lease.
 */
export async function webhooks(s: SchemaBuilder): Promise<void> {
  await s
    .table('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', s.bytes, (c) => c.notNull())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .execute();
  await s.db.schema.createIndex('webhooks_by_board').ifNotExists().on('webhooks').column('board_id').execute();
  await s
    .table('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('next_attempt_at', s.int64)
    .addColumn('lease_until', s.int64, (c) => c.notNull())
    .addColumn('delivered_at', s.int64)
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .execute();
  await s.db.schema
    .createIndex('webhook_deliveries_due')
    .ifNotExists()
    .on('webhook_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await s.db.schema
    .createIndex('webhook_deliveries_by_webhook')
    .ifNotExists()
    .on('webhook_deliveries')
    .columns(['webhook_id', 'created_at'])
    .execute();
}
