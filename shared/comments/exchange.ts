import { z } from 'zod';
import type * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import { DEPARTMENTS } from '../schema/department.ts';
import { CommandError } from '../model/errors.ts';
import { commentsMap, commentsMetaMap, newMap, peopleMap, threadsMap } from './doc.ts';
import { COMMENTS_SCHEMA_VERSION } from './migrations.ts';
import {
  isCommentId,
  isThreadId,
  MAX_COMMENT_LENGTH,
  MAX_MENTIONS,
  MAX_NAME_LENGTH,
  personSchema,
  reactionKey,
  REACTION_NAMES,
  resolutionSchema,
  targetSchema,
  type CommentId,
  type ReactionName,
  type ThreadId,
} from './schema.ts';
import { readComments } from './snapshot.ts';

const commentExportSchema = z.object({
  id: z.custom<CommentId>(isCommentId, 'a comment id'),
  authorId: z.string().max(128),
  authorName: z.string().max(MAX_NAME_LENGTH),
  authorDepartment: z.enum(DEPARTMENTS),
  text: z.string().max(MAX_COMMENT_LENGTH),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  deleted: z.boolean(),
  mentions: z.array(z.string().max(128)).max(MAX_MENTIONS),
  reactions: z.partialRecord(
    z.enum(REACTION_NAMES as [ReactionName, ...ReactionName[]]),
    z.array(z.string().min(1).max(128)),
  ),
});

const threadExportSchema = z.object({
  id: z.custom<ThreadId>(isThreadId, 'a thread id'),
  target: targetSchema,
  resolution: resolutionSchema.nullable(),
  createdAt: z.number(),
  authorId: z.string().max(128),
  authorName: z.string().max(MAX_NAME_LENGTH),
  comments: z.array(commentExportSchema),
});

/** Plain, versioned JSON of a board's comments (export, backup, import). */
const commentsExportSchema = z.object({
  format: z.literal('journeyboard-comments'),
  version: z.literal(1),
  /** The comments document's schema version when exported. */
  schemaVersion: z.number().int().min(0),
  threads: z.array(threadExportSchema),
  people: z.array(personSchema),
});
export type CommentsExport = z.infer<typeof commentsExportSchema>;

export function exportComments(doc: Y.Doc): CommentsExport {
  const snapshot = readComments(doc);
  return {
    format: 'journeyboard-comments',
    version: 1,
    schemaVersion: COMMENTS_SCHEMA_VERSION,
    threads: [...snapshot.threads]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((t) => ({
        id: t.id,
        target: { ...t.target },
        resolution: t.resolution && { ...t.resolution },
        createdAt: t.createdAt,
        authorId: t.authorId,
        authorName: t.authorName,
        comments: t.comments.map((c) => ({
          id: c.id,
          authorId: c.authorId,
          authorName: c.authorName,
          authorDepartment: c.authorDepartment,
          text: c.text,
          createdAt: c.createdAt,
          editedAt: c.editedAt,
          deleted: c.deleted,
          mentions: [...c.mentions],
          reactions: Object.fromEntries(Object.entries(c.reactions).map(([k, v]) => [k, [...v]])),
        })),
      })),
    people: snapshot.people.map((p) => ({ ...p })),
  };
}

/**
 * Validates `data` (CommandError 'invalid-input' naming the first problem, nothing written), then
 * writes its threads, comments and people in one transaction; records with the same id are
 * replaced, others are kept.
 */
export function importComments(
  doc: Y.Doc,
  data: unknown,
  origin: string = ORIGIN.server,
): { threads: number; comments: number } {
  const parsed = commentsExportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(
      'invalid-input',
      `Not a comments export: ${issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'invalid'}`,
    );
  }
  let comments = 0;
  doc.transact(() => {
    const meta = commentsMetaMap(doc);
    if (typeof meta.get('schemaVersion') !== 'number') meta.set('schemaVersion', COMMENTS_SCHEMA_VERSION);
    for (const t of parsed.data.threads) {
      const { comments: list, ...thread } = t;
      threadsMap(doc).set(t.id, newMap({ typeName: 'thread', ...thread }));
      for (const c of list) {
        const { reactions, ...fields } = c;
        const rec = newMap({ typeName: 'comment', ...fields, threadId: t.id });
        for (const [reaction, people] of Object.entries(reactions))
          for (const p of people ?? []) rec.set(reactionKey(reaction as ReactionName, p), true);
        commentsMap(doc).set(c.id, rec);
        comments++;
      }
    }
    for (const p of parsed.data.people) peopleMap(doc).set(p.id, { ...p });
  }, origin);
  return { threads: parsed.data.threads.length, comments };
}
