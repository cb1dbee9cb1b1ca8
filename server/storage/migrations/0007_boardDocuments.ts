import { sql } from 'kysely';
import { boardId, type Column, type SchemaBuilder } from './schemaBuilder.ts';

/** A board's other documents (its comments), stored like the board: a snapshot plus a log. */
export async function boardDocuments(s: SchemaBuilder): Promise<void> {
  const kind: Column = ['text', (c) => c.notNull().check(sql`kind in ('comments')`)];
  await s.create('board_documents', { board_id: boardId, kind, updated_at: 'int64', snapshot: 'bytes' }, [
    'board_id',
    'kind',
  ]);
  await s.create('board_document_updates', {
    seq: 'serial',
    board_id: boardId,
    kind,
    at: 'int64',
    update_data: 'bytes',
  });
  await s.index('board_document_updates_by_doc', 'board_document_updates', ['board_id', 'kind', 'seq']);
}
