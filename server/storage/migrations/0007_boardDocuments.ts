import { sql } from 'kysely';
import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/** A board's other documents (its comments), stored like the board: a snapshot plus a log. */
export async function boardDocuments(s: SchemaBuilder): Promise<void> {
  await s
    .table('board_documents')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('comments')`))
    .addColumn('updated_at', s.int64, (c) => c.notNull())
    .addColumn('snapshot', s.bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('board_documents_pkey', ['board_id', 'kind'])
    .execute();
  await s
    .serial(s.table('board_document_updates'), 'seq')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('comments')`))
    .addColumn('at', s.int64, (c) => c.notNull())
    .addColumn('update_data', s.bytes, (c) => c.notNull())
    .execute();
  await s.db.schema
    .createIndex('board_document_updates_by_doc')
    .ifNotExists()
    .on('board_document_updates')
    .columns(['board_id', 'kind', 'seq'])
    .execute();
}
