import { sql } from 'kysely';
import { boardId, type Column, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * A board is a snapshot (a full Yjs state) plus an append-only log of the updates since it; `seq`
 * is global and monotonic, so "the rows up to seq N" is a stable compaction boundary. Share links
 * keep one row per role (never the token). Snapshot revisions make compaction conditional when
 * several server processes hold one board (SnapshotRevisions.ts).
 */
export async function boards(s: SchemaBuilder): Promise<void> {
  await s.create('boards', {
    id: 'text key',
    title: 'text',
    created_at: 'int64',
    updated_at: 'int64',
    snapshot: 'bytes',
  });
  await s.create('board_updates', { seq: 'serial', board_id: boardId, at: 'int64', update_data: 'bytes' });
  await s.index('board_updates_by_board', 'board_updates', ['board_id', 'seq']);
  const role: Column = [
    'text',
    (c) => c.notNull().check(sql`role in ('facilitator', 'editor', 'commenter', 'viewer')`),
  ];
  await s.create(
    'share_links',
    { board_id: boardId, role, generation: 'integer', token_hash: 'bytes', sealed: 'bytes' },
    ['board_id', 'role'],
  );
  await s.create(
    'board_snapshot_revisions',
    { board_id: boardId, kind: ['text', (c) => c.notNull().defaultTo(sql`'board'`)], revision: 'int64' },
    ['board_id', 'kind'],
  );
}
