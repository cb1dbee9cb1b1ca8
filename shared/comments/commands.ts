import { z } from 'zod';
import type * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import type { Actor } from '../model/commands/context.ts';
import { parseInput, transactCommand } from '../model/commands/define.ts';
import { CommandError } from '../model/errors.ts';
import { commentsMap, mapRecord, newMap, peopleMap, threadsMap, type CommentsRecordMap } from './doc.ts';
import {
  isCommentId,
  isThreadId,
  MAX_COMMENT_LENGTH,
  MAX_MENTIONS,
  newCommentId,
  newThreadId,
  reactionKey,
  readPerson,
  REACTION_NAMES,
  targetSchema,
  type CommentId,
  type Person,
  type ReactionName,
  type ThreadId,
} from './schema.ts';

/** Everything a comments command may see and write. */
interface CommentsContext {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly now: number;
}

interface CommentsCommandDef<S extends z.ZodType, R> {
  readonly input: S;
  readonly run: (ctx: CommentsContext, input: z.output<S>) => R;
}
const command = <S extends z.ZodType, R>(
  input: S,
  run: (ctx: CommentsContext, input: z.output<S>) => R,
): CommentsCommandDef<S, R> => ({ input, run });

/** Plain text with line breaks: trailing spaces trimmed; 1 to MAX_COMMENT_LENGTH characters. */
const commentTextSchema = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'Write something first: a comment cannot be empty.')
      .max(MAX_COMMENT_LENGTH, {
        error: (issue) =>
          `A comment can be at most ${MAX_COMMENT_LENGTH} characters; this one has ${String((issue.input as string).length)}. Shorten it or split it into two.`,
      }),
  );
const threadIdSchema = z.custom<ThreadId>(isThreadId, 'Unknown thread');
const commentIdSchema = z.custom<CommentId>(isCommentId, 'Unknown comment');
const mentionsSchema = z.array(z.string().min(1).max(128)).max(MAX_MENTIONS).default([]);

/** The ids among `candidates` whose `@Name` appears in the text (a mention deleted from the text is dropped). */
function mentionsIn(text: string, candidates: readonly string[], people: ReadonlyMap<string, Person>): string[] {
  const out: string[] = [];
  for (const id of new Set(candidates)) {
    const p = people.get(id);
    if (p && text.includes(`@${p.name}`)) out.push(id);
  }
  return out;
}

function knownPeople(doc: Y.Doc): Map<string, Person> {
  const out = new Map<string, Person>();
  peopleMap(doc).forEach((v, id) => {
    const p = readPerson(id, v);
    if (p) out.set(id, p);
  });
  return out;
}

function writeComment(ctx: CommentsContext, threadId: ThreadId, text: string, mentions: readonly string[]): CommentId {
  const id = newCommentId();
  commentsMap(ctx.doc).set(
    id,
    newMap({
      typeName: 'comment',
      id,
      threadId,
      authorId: ctx.actor.id,
      authorName: ctx.actor.name,
      authorDepartment: ctx.actor.department,
      text,
      createdAt: ctx.now,
      editedAt: null,
      deleted: false,
      mentions: mentionsIn(text, mentions, knownPeople(ctx.doc)),
    }),
  );
  return id;
}

function requireThread(ctx: CommentsContext, id: ThreadId): CommentsRecordMap {
  const rec = mapRecord(threadsMap(ctx.doc), id);
  if (!rec) throw new CommandError('not-found', 'That thread no longer exists.');
  return rec;
}

function requireOwnComment(ctx: CommentsContext, id: CommentId, what: string): CommentsRecordMap {
  const rec = mapRecord(commentsMap(ctx.doc), id);
  if (!rec || rec.get('deleted') === true) throw new CommandError('not-found', 'That comment no longer exists.');
  if (rec.get('authorId') !== ctx.actor.id)
    throw new CommandError('invalid-input', `You can only ${what} your own comments.`);
  return rec;
}

/** Every intent on the comments document, by name. None is undoable (a written decision: see docs/schema.md). */
const COMMENTS_COMMANDS = {
  startThread: command(
    z.object({ target: targetSchema, text: commentTextSchema, mentions: mentionsSchema }),
    (ctx, input) => {
      const threadId = newThreadId();
      threadsMap(ctx.doc).set(
        threadId,
        newMap({
          typeName: 'thread',
          id: threadId,
          target: { ...input.target },
          resolution: null,
          createdAt: ctx.now,
          authorId: ctx.actor.id,
          authorName: ctx.actor.name,
        }),
      );
      const commentId = writeComment(ctx, threadId, input.text, input.mentions);
      return { threadId, commentId };
    },
  ),
  reply: command(
    z.object({ threadId: threadIdSchema, text: commentTextSchema, mentions: mentionsSchema }),
    (ctx, input) => {
      const thread = requireThread(ctx, input.threadId);
      // Replying to a resolved thread reopens it: the new question needs an answer.
      if (thread.get('resolution') !== null && thread.get('resolution') !== undefined) thread.set('resolution', null);
      return writeComment(ctx, input.threadId, input.text, input.mentions);
    },
  ),
  editComment: command(
    z.object({ commentId: commentIdSchema, text: commentTextSchema, mentions: mentionsSchema }),
    (ctx, input) => {
      const rec = requireOwnComment(ctx, input.commentId, 'edit');
      if (rec.get('text') === input.text) return;
      rec.set('text', input.text);
      rec.set('mentions', mentionsIn(input.text, input.mentions, knownPeople(ctx.doc)));
      rec.set('editedAt', ctx.now);
    },
  ),
  /** Soft delete: the comment stays as "deleted" so the thread's replies keep their context. */
  deleteComment: command(z.object({ commentId: commentIdSchema }), (ctx, input) => {
    const rec = requireOwnComment(ctx, input.commentId, 'delete');
    rec.set('deleted', true);
    rec.set('text', '');
    rec.set('mentions', []);
    rec.set('editedAt', ctx.now);
  }),
  resolveThread: command(z.object({ threadId: threadIdSchema }), (ctx, input) => {
    requireThread(ctx, input.threadId).set('resolution', { byId: ctx.actor.id, byName: ctx.actor.name, at: ctx.now });
  }),
  reopenThread: command(z.object({ threadId: threadIdSchema }), (ctx, input) => {
    requireThread(ctx, input.threadId).set('resolution', null);
  }),
  /** Adds or removes my reaction: one key per person and reaction, so concurrent reactions merge. */
  react: command(
    z.object({
      commentId: commentIdSchema,
      reaction: z.enum(REACTION_NAMES as [ReactionName, ...ReactionName[]]),
      on: z.boolean(),
    }),
    (ctx, input) => {
      const rec = mapRecord(commentsMap(ctx.doc), input.commentId);
      if (!rec || rec.get('deleted') === true) throw new CommandError('not-found', 'That comment no longer exists.');
      const key = reactionKey(input.reaction, ctx.actor.id);
      if (input.on) rec.set(key, true);
      else rec.delete(key);
    },
  ),
};

type CommentsCommands = typeof COMMENTS_COMMANDS;
export type CommentsCommandName = keyof CommentsCommands;
export type CommentsCommandInput<N extends CommentsCommandName> = z.input<CommentsCommands[N]['input']>;
export type CommentsCommandResult<N extends CommentsCommandName> = ReturnType<CommentsCommands[N]['run']>;

/** Validates, then runs the command in one transaction with `origin`. Throws CommandError; a refused command writes nothing. */
export function executeCommentsCommand<N extends CommentsCommandName>(
  doc: Y.Doc,
  actor: Actor,
  name: N,
  input: CommentsCommandInput<N>,
  origin: string = ORIGIN.local,
  now = Date.now(),
): CommentsCommandResult<N> {
  const def = COMMENTS_COMMANDS[name] as unknown as CommentsCommandDef<z.ZodType, CommentsCommandResult<N>>;
  const data = parseInput(def.input, input);
  return transactCommand(doc, origin, () => def.run({ doc, actor, now }, data));
}

/** The server records who has joined the board (mention candidates), with its own origin. */
export function recordPerson(doc: Y.Doc, person: Person): void {
  const current = readPerson(person.id, peopleMap(doc).get(person.id));
  if (current && current.name === person.name && current.department === person.department) return;
  doc.transact(
    () => peopleMap(doc).set(person.id, { ...person, joinedAt: current?.joinedAt ?? person.joinedAt }),
    ORIGIN.server,
  );
}
