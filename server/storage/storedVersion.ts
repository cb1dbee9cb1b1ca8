import type { ExpressionBuilder } from 'kysely';
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

/**
 * The version of the board (`board_updates`, revision kind `board`) or of one of its other
 * documents (`board_document_updates` of that kind); null when there is no such board. Compiled
 * once (PreparedQuery.ts).
 */
function versionQuery(database: Database, log: 'board_updates' | 'board_document_updates') {
  const db = database.kysely<VersionTables>();
  const ofDocument = log === 'board_document_updates';
  const query = new PreparedQuery(db, ['boardId', 'kind'], (a: { boardId: string; kind: string }) => {
    // Both logs have board_id and seq; only the documents' has a kind (narrowed to it for the types).
    const rows = (eb: ExpressionBuilder<VersionTables, 'boards'>) =>
      eb
        .selectFrom(`${log} as u` as 'board_document_updates as u')
        .whereRef('u.board_id', '=', 'boards.id')
        .$if(ofDocument, (q) => q.where('u.kind', '=', a.kind as BoardDocumentKind));
    return db
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
        rows(eb)
          .select((u) => u.fn.countAll().as('n'))
          .as('updates'),
        rows(eb)
          .select((u) => u.fn.max('u.seq').as('m'))
          .as('last_seq'),
      ]);
  });
  return async (boardId: string, kind: string) =>
    versionOf((await query.execute({ boardId, kind }))[0] as VersionRow | undefined);
}

/** The board document's version (BoardRepository.ts). */
export function boardVersionQuery(database: Database) {
  const version = versionQuery(database, 'board_updates');
  return (boardId: string) => version(boardId, 'board');
}

/** A board's other document's version (BoardDocumentRepository.ts). */
export function documentVersionQuery(database: Database) {
  return versionQuery(database, 'board_document_updates') as (
    boardId: string,
    kind: BoardDocumentKind,
  ) => Promise<StoredVersion | null>;
}
