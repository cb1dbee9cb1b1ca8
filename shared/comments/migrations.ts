import type * as Y from 'yjs';
import { type MigrationResult, migrateBoard, validateMigrations } from '../migrations/migrate.ts';
import type { Migration } from '../migrations/migrations.ts';
import { commentsMap, commentsMetaMap, peopleMap, threadsMap } from './doc.ts';

/**
 * The comments document's own migrations: its own `meta.schemaVersion`, independent of the
 * board's. Same rules as the board's (append-only, idempotent, no down-migrations), run by the
 * server when it loads the document, in one transaction with the migration origin.
 */
const COMMENTS_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'comments: initial layout (meta, threads, comments, people)',
    up(doc) {
      commentsMetaMap(doc);
      threadsMap(doc);
      commentsMap(doc);
      peopleMap(doc);
    },
  },
];

export const COMMENTS_SCHEMA_VERSION = validateMigrations(COMMENTS_MIGRATIONS);

/** Runs pending comments migrations and stamps the board id (a new document starts empty). */
export function migrateComments(doc: Y.Doc, boardId: string): MigrationResult {
  const result = migrateBoard(doc, COMMENTS_MIGRATIONS);
  const meta = commentsMetaMap(doc);
  if (meta.get('boardId') !== boardId) doc.transact(() => meta.set('boardId', boardId), 'journeyboard:migration');
  return result;
}
