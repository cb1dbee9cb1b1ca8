import * as Y from 'yjs';

/**
 * The only code that names the roots of a board's comments document (`<boardId>/comments`).
 * Layout (docs/schema.md, "The comments document"):
 * - `meta`: Y.Map { schemaVersion, boardId }
 * - `threads`: Y.Map<threadId, Y.Map<field, value>>
 * - `comments`: Y.Map<commentId, Y.Map<field, value>>; a comment names its thread
 * - `people`: Y.Map<personId, { id, name, department, joinedAt }> (plain values, server-written)
 * Comments are a flat map rather than an array inside their thread: two replies posted at once
 * are two keys (both kept), and a reply to a thread someone just deleted is never lost.
 */
export type CommentsRecordMap = Y.Map<unknown>;

export function commentsMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function threadsMap(doc: Y.Doc): Y.Map<CommentsRecordMap> {
  return doc.getMap('threads') as Y.Map<CommentsRecordMap>;
}

export function commentsMap(doc: Y.Doc): Y.Map<CommentsRecordMap> {
  return doc.getMap('comments') as Y.Map<CommentsRecordMap>;
}

export function peopleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('people');
}

export function mapRecord(map: Y.Map<CommentsRecordMap>, id: string): CommentsRecordMap | undefined {
  const rec = map.get(id);
  return rec instanceof Y.Map ? rec : undefined;
}

export function newMap(fields: Record<string, unknown>): CommentsRecordMap {
  const rec = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) rec.set(k, v);
  return rec;
}
