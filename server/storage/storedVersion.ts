import type { BoardDocumentKind } from './BoardStore.ts';
import type { Database } from './database.ts';
import { PreparedQuery } from './PreparedQuery.ts';

/**
 * A stored document's version: its snapshot's revision, and how many log rows it has and the
 * highest of their seqs. Between two compactions the log only grows (seq is global and never
 * reused), and every compaction bumps the revision (SnapshotRevisions.ts), so any change to what
 * loading would read changes this. The board's creation time tells a board restored under the
 * same id apart. Cheap beside loading: no blob is read, the counts come from the log's index.
 */
export type StoredVersion = string;

/** The columns the version reads (migrations 0001 and 0007). */
interface VersionTables {
  boards: { id: string; created_at: number };
  board_snapshot_revisions: { board_id: string; kind: string; revision: number };
  board_updates: { board_id: string; seq: number };
  board_document_updates: { board_id: string; kind: BoardDocumentKind; seq: number };
}

interface VersionRow {
  created_at: unknown;
  revision: unknown;
  updates: unknown;
  last_seq: unknown;
}

function versionOf(row: VersionRow | undefined): StoredVersion | null {
  return row ? `${row.created_at}:${row.revision ?? 0}:${row.updates}:${row.last_seq ?? 0}` : null;
}

/** The board document's version; null when there is no such board. Compiled once (PreparedQuery.ts). */
export function boardVersionQuery(database: Database) {
  const db = database.kysely<VersionTables>();
  const query = new PreparedQuery(db, ['boardId'], (a: { boardId: string }) =>
    db
      .selectFrom('boards')
      .where('boards.id', '=', a.boardId)
      .select((eb) => [
        'boards.created_at',
        eb
          .selectFrom('board_snapshot_revisions as r')
          .select('r.revision')
          .whereRef('r.board_id', '=', 'boards.id')
          .where('r.kind', '=', 'board')
          .as('revision'),
        eb
          .selectFrom('board_updates as u')
          .select((u) => u.fn.countAll().as('n'))
          .whereRef('u.board_id', '=', 'boards.id')
          .as('updates'),
        eb
          .selectFrom('board_updates as u')
          .select((u) => u.fn.max('u.seq').as('m'))
          .whereRef('u.board_id', '=', 'boards.id')
          .as('last_seq'),
      ]),
  );
  return async (boardId: string) => versionOf((await query.execute({ boardId }))[0] as VersionRow | undefined);
}

/** A board's other document's version (BoardDocumentRepository.ts); null when there is no such board. */
export function documentVersionQuery(database: Database) {
  const db = database.kysely<VersionTables>();
  const query = new PreparedQuery(db, ['boardId', 'kind'], (a: { boardId: string; kind: BoardDocumentKind }) =>
    db
      .selectFrom('boards')
      .where('boards.id', '=', a.boardId)
      .select((eb) => [
        'boards.created_at',
        eb
          .selectFrom('board_snapshot_revisions as r')
          .select('r.revision')
          .whereRef('r.board_id', '=', 'boards.id')
          .where('r.kind', '=', a.kind)
          .as('revision'),
        eb
          .selectFrom('board_document_updates as u')
          .select((u) => u.fn.countAll().as('n'))
          .whereRef('u.board_id', '=', 'boards.id')
          .where('u.kind', '=', a.kind)
          .as('updates'),
        eb
          .selectFrom('board_document_updates as u')
          .select((u) => u.fn.max('u.seq').as('m'))
          .whereRef('u.board_id', '=', 'boards.id')
          .where('u.kind', '=', a.kind)
          .as('last_seq'),
      ]),
  );
  return async (boardId: string, kind: BoardDocumentKind) =>
    versionOf((await query.execute({ boardId, kind }))[0] as VersionRow | undefined);
}
