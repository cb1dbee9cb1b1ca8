import { sql } from 'kysely';
import { ofBoard, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * A board is a snapshot (a full Yjs state) plus an append-only log of the updates since it; `seq`
 * is global and monotonic, so "the rows up to seq N" is a stable compaction boundary. Share links
 * keep one row per role (never the token). Snapshot revisions make compaction conditional when
 * several server processes hold one board (SnapshotRevisions.ts).
 */
export async function boards(s: SchemaBuilder): Promise<void> {
  await s
    .table('boards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', s.int64, (c) => c.notNull())
    .addColumn('updated_at', s.int64, (c) => c.notNull())
    .addColumn('snapshot', s.bytes, (c) => c.notNull())
    .execute();
  await s
    .serial(s.table('board_updates'), 'seq')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('at', s.int64, (c) => c.notNull())
    .addColumn('update_data', s.bytes, (c) => c.notNull())
    .execute();
  await s.db.schema
    .createIndex('board_updates_by_board')
    .ifNotExists()
    .on('board_updates')
    .columns(['board_id', 'seq'])
    .execute();
  await s
    .table('share_links')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('facilitator', 'editor', 'commenter', 'viewer')`))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('token_hash', s.bytes, (c) => c.notNull())
    .addColumn('sealed', s.bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('share_links_pkey', ['board_id', 'role'])
    .execute();
  await s
    .table('board_snapshot_revisions')
    .addColumn('board_id', 'text', ofBoard)
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo(sql`'board'`))
    .addColumn('revision', s.int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('board_snapshot_revisions_pkey', ['board_id', 'kind'])
    .execute();
}
