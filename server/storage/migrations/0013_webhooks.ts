import { boardId, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * Webhooks of a board and their delivery log. The signing secret is sealed (AES-256-GCM under
 * SECRETS_KEY), not hashed: the server must sign with it. A delivery row is the queue too:
 * `pending` rows are sent when `next_attempt_at` is due, by the instance that takes the lease.
 */
export async function webhooks(s: SchemaBuilder): Promise<void> {
  await s.create('webhooks', {
    id: 'text key',
    board_id: boardId,
    url: 'text',
    events: 'text',
    secret_sealed: 'bytes',
    created_at: 'int64',
  });
  await s.index('webhooks_by_board', 'webhooks', ['board_id']);
  await s.create('webhook_deliveries', {
    id: 'text key',
    webhook_id: ['text', (c) => c.notNull().references('webhooks.id').onDelete('cascade')],
    board_id: boardId,
    event: 'text',
    body: 'text',
    state: 'text',
    attempts: 'integer',
    created_at: 'int64',
    next_attempt_at: 'int64?',
    lease_until: 'int64',
    delivered_at: 'int64?',
    last_status: 'integer?',
    last_error: 'text?',
  });
  await s.index('webhook_deliveries_due', 'webhook_deliveries', ['state', 'next_attempt_at']);
  await s.index('webhook_deliveries_by_webhook', 'webhook_deliveries', ['webhook_id', 'created_at']);
}
