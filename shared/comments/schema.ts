import { z } from 'zod';
import { DEPARTMENTS, type Department } from '../schema/department.ts';
import { randomId } from '../schema/ids.ts';

/** Ids are `<type>:<random>` like board records: `thread:…`, `comment:…`. */
export type ThreadId = `thread:${string}`;
export type CommentId = `comment:${string}`;

export function newThreadId(): ThreadId {
  return `thread:${randomId()}`;
}
export function newCommentId(): CommentId {
  return `comment:${randomId()}`;
}
export function isThreadId(v: unknown): v is ThreadId {
  return typeof v === 'string' && v.startsWith('thread:') && v.length > 7 && v.length <= 128;
}
export function isCommentId(v: unknown): v is CommentId {
  return typeof v === 'string' && v.startsWith('comment:') && v.length > 8 && v.length <= 128;
}

/** What a thread is about. `board` threads have the board id as `id`. */
const TARGET_KINDS = ['note', 'stage', 'lane', 'board'] as const;
type TargetKind = (typeof TARGET_KINDS)[number];
export interface ThreadTarget {
  readonly kind: TargetKind;
  readonly id: string;
}

/** Longest comment (UTF-16 units). The server cuts longer text; the commands refuse it. */
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_NAME_LENGTH = 60;
export const MAX_MENTIONS = 20;

/** The reactions offered, by the ASCII name stored in the key. */
const REACTIONS = { thumbs: '👍', heart: '❤️', tada: '🎉', smile: '😄', wow: '😮', eyes: '👀' } as const;
export type ReactionName = keyof typeof REACTIONS;
export const REACTION_NAMES = Object.keys(REACTIONS) as ReactionName[];

/** One key per person and reaction on the comment's map, so concurrent reactions all stay. */
export function reactionKey(reaction: ReactionName, personId: string): string {
  return `reaction:${reaction}:${personId}`;
}
export function parseReactionKey(key: string): { reaction: ReactionName; personId: string } | null {
  const m = /^reaction:([a-z]+):(.+)$/.exec(key);
  if (!m || !(REACTION_NAMES as string[]).includes(m[1]!)) return null;
  return { reaction: m[1] as ReactionName, personId: m[2]! };
}

/** Who resolved a thread: one plain value, so a resolve/reopen race never mixes two people. */
interface Resolution {
  readonly byId: string;
  readonly byName: string;
  readonly at: number;
}

export interface Thread {
  readonly typeName: 'thread';
  readonly id: ThreadId;
  readonly target: ThreadTarget;
  /** null while open. */
  readonly resolution: Resolution | null;
  readonly createdAt: number;
  readonly authorId: string;
  readonly authorName: string;
}

export interface Comment {
  readonly typeName: 'comment';
  readonly id: CommentId;
  readonly threadId: ThreadId;
  readonly authorId: string;
  readonly authorName: string;
  readonly authorDepartment: Department;
  /** Plain text with line breaks; "" once deleted. */
  readonly text: string;
  readonly createdAt: number;
  readonly editedAt: number | null;
  readonly deleted: boolean;
  /** Person ids mentioned with `@Name` in the text. */
  readonly mentions: readonly string[];
  /** Reaction name → ids of the people who reacted. */
  readonly reactions: Readonly<Partial<Record<ReactionName, readonly string[]>>>;
}

/** Someone who has joined the board (written by the server when they arrive): mention candidates. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
  readonly joinedAt: number;
}

export const departmentOrOther = (v: unknown): Department =>
  (DEPARTMENTS as readonly unknown[]).includes(v) ? (v as Department) : 'other';
const str = (v: unknown, fallback: string, max = 128) => (typeof v === 'string' ? v.slice(0, max) : fallback);
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export const targetSchema = z.object({ kind: z.enum(TARGET_KINDS), id: z.string().min(1).max(128) });
export const resolutionSchema = z.object({
  byId: z.string().max(128),
  byName: z.string().max(MAX_NAME_LENGTH),
  at: z.number(),
});
export const personSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  department: z.enum(DEPARTMENTS),
  joinedAt: z.number(),
});

/** Tolerant readers: a missing or malformed field reads as its default; unknown keys are ignored. */
export function readThread(id: string, fields: Record<string, unknown>): Thread | null {
  if (!isThreadId(id)) return null;
  const target = targetSchema.safeParse(fields.target);
  const resolution = resolutionSchema.safeParse(fields.resolution);
  return {
    typeName: 'thread',
    id,
    target: target.success ? target.data : { kind: 'board', id: '' },
    resolution: resolution.success ? resolution.data : null,
    createdAt: num(fields.createdAt, 0),
    authorId: str(fields.authorId, ''),
    authorName: str(fields.authorName, 'Someone', MAX_NAME_LENGTH),
  };
}

export function readComment(id: string, fields: Record<string, unknown>): Comment | null {
  if (!isCommentId(id)) return null;
  const reactions: Partial<Record<ReactionName, string[]>> = {};
  for (const [key, value] of Object.entries(fields)) {
    const r = value === true ? parseReactionKey(key) : null;
    if (r) reactions[r.reaction] = [...(reactions[r.reaction] ?? []), r.personId];
  }
  for (const list of Object.values(reactions)) list.sort();
  const deleted = fields.deleted === true;
  const mentions = Array.isArray(fields.mentions)
    ? fields.mentions.filter((m): m is string => typeof m === 'string').slice(0, MAX_MENTIONS)
    : [];
  return {
    typeName: 'comment',
    id,
    threadId: isThreadId(fields.threadId) ? fields.threadId : 'thread:missing',
    authorId: str(fields.authorId, ''),
    authorName: str(fields.authorName, 'Someone', MAX_NAME_LENGTH),
    authorDepartment: departmentOrOther(fields.authorDepartment),
    text: deleted ? '' : str(fields.text, '', MAX_COMMENT_LENGTH),
    createdAt: num(fields.createdAt, 0),
    editedAt: typeof fields.editedAt === 'number' ? fields.editedAt : null,
    deleted,
    mentions: deleted ? [] : mentions,
    reactions,
  };
}

export function readPerson(id: string, value: unknown): Person | null {
  const p = personSchema.safeParse(value);
  return p.success && p.data.id === id ? p.data : null;
}
