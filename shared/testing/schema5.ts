import * as Y from 'yjs';
import { metaMap, recordsMap } from '../doc/boardDoc.ts';
import SCHEMA5_BACKUP from './fixtures/board-backup-schema5.json' with { type: 'json' };

/**
 * A board as Journeyboard's schema-5 code wrote it. `fixtures/board-backup-schema5.json` is the
 * backup that code exported (the export fixture on an e-commerce template board, with an action,
 * a colour, emotions, persona tags, KPIs and rounds): every record has `typeName` and `id`, and
 * notes have `colour: null` / `sentiment: null`. Tests of migration 6, backups and restores use it.
 */
export const schema5Backup = (): typeof SCHEMA5_BACKUP => structuredClone(SCHEMA5_BACKUP);

/** Writes the schema-5 board into `doc` field by field, as the schema-5 code had (meta.schemaVersion 5). */
export function writeSchema5Board(doc: Y.Doc = new Y.Doc(), boardId = SCHEMA5_BACKUP.board.id): Y.Doc {
  const backup = schema5Backup();
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', backup.schemaVersion);
    meta.set('boardId', boardId);
    meta.set('title', backup.board.title);
    meta.set('createdAt', backup.board.createdAt);
    for (const [id, fields] of Object.entries(backup.records as Record<string, Record<string, unknown>>)) {
      const rec = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields))
        rec.set(k, k === 'text' && id.startsWith('note:') ? new Y.Text(String(v)) : v);
      recordsMap(doc).set(id, rec);
    }
  });
  return doc;
}

/**
 * A note record in the layout a schema-5 client adds one: `typeName` and `id` in the record, a null
 * colour and sentiment, every field a plain value but the text. Made by hand, not by the model.
 */
export function schema5Note(
  id: string,
  position: { readonly stageId: string; readonly laneId: string; readonly index: string },
  text: string,
): Y.Map<unknown> {
  const rec = new Y.Map<unknown>();
  const fields = {
    typeName: 'note',
    id,
    position,
    kind: 'idea',
    text: new Y.Text(text),
    colour: null,
    sentiment: null,
    department: 'sales',
    authorId: 'u',
    authorName: 'U',
    createdAt: 1,
    updatedAt: 1,
  };
  for (const [k, v] of Object.entries(fields)) rec.set(k, v);
  return rec;
}
