import { boardId, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * Board integration keys (server/kpi/IntegrationKeyRepository.ts): what a nightly job sends to
 * `POST /api/boards/:id/measurements`. Only the key's SHA-256 is kept (the key is 32 random
 * bytes, so a fast hash is enough) and its first characters, so people can tell keys apart.
 */
export async function integrationKeys(s: SchemaBuilder): Promise<void> {
  await s.create('integration_keys', {
    id: 'text key',
    board_id: boardId,
    name: 'text',
    prefix: 'text',
    key_hash: ['text', (c) => c.notNull().unique()],
    created_at: 'int64',
    last_used_at: 'int64?',
  });
  await s.index('integration_keys_by_board', 'integration_keys', ['board_id']);
}
