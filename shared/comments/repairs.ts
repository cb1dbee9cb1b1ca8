import * as Y from 'yjs';
import {
  departmentOrOther,
  isCommentId,
  isThreadId,
  MAX_COMMENT_LENGTH,
  MAX_MENTIONS,
  MAX_NAME_LENGTH,
  parseReactionKey,
  resolutionSchema,
  targetSchema,
} from './schema.ts';

/**
 * What the server does with a thread or comment a client wrote, whatever it wrote (the comments
 * counterpart of shared/schema/recordRepairs.ts): keep it, delete it (not a record at all), or
 * set fields to the values the tolerant reader would show and delete bad keys.
 */
export type CommentsRepair =
  | { readonly kind: 'ok' }
  | { readonly kind: 'delete'; readonly why: string }
  | {
      readonly kind: 'fix';
      readonly set: Record<string, unknown>;
      readonly remove: readonly string[];
      readonly why: readonly string[];
    };

export interface CommentsRepairLimits {
  readonly maxCommentLength: number;
}

const cut = (s: string, max: number) => {
  const t = s.slice(0, max);
  // Never leave half a surrogate pair (an emoji) at the end.
  return /[\uD800-\uDBFF]$/.test(t) ? t.slice(0, -1) : t;
};

function fix(set: Record<string, unknown>, remove: string[], why: string[]): CommentsRepair {
  return Object.keys(set).length === 0 && remove.length === 0 ? { kind: 'ok' } : { kind: 'fix', set, remove, why };
}

function common(typeName: string, key: string, rec: Y.Map<unknown>, set: Record<string, unknown>, why: string[]): void {
  if (rec.get('typeName') !== typeName) (set.typeName = typeName), why.push('typeName');
  if (rec.get('id') !== key) (set.id = key), why.push('id');
  if (typeof rec.get('createdAt') !== 'number' || !Number.isFinite(rec.get('createdAt')))
    (set.createdAt = 0), why.push('createdAt');
  if (typeof rec.get('authorId') !== 'string' || (rec.get('authorId') as string).length > 128)
    (set.authorId = ''), why.push('authorId');
  const name = rec.get('authorName');
  if (typeof name !== 'string') (set.authorName = 'Someone'), why.push('authorName');
  else if (name.length > MAX_NAME_LENGTH) (set.authorName = cut(name, MAX_NAME_LENGTH)), why.push('authorName');
}

export function threadRepair(key: string, value: unknown): CommentsRepair {
  if (!isThreadId(key)) return { kind: 'delete', why: 'not a thread id' };
  if (!(value instanceof Y.Map)) return { kind: 'delete', why: 'not a map' };
  const set: Record<string, unknown> = {};
  const why: string[] = [];
  common('thread', key, value, set, why);
  if (!targetSchema.safeParse(value.get('target')).success)
    (set.target = { kind: 'board', id: '' }), why.push('target');
  const r = value.get('resolution');
  if (r !== null && !resolutionSchema.safeParse(r).success) (set.resolution = null), why.push('resolution');
  return fix(set, [], why);
}

export function commentRepair(
  key: string,
  value: unknown,
  limits: CommentsRepairLimits = { maxCommentLength: MAX_COMMENT_LENGTH },
): CommentsRepair {
  if (!isCommentId(key)) return { kind: 'delete', why: 'not a comment id' };
  if (!(value instanceof Y.Map)) return { kind: 'delete', why: 'not a map' };
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  const why: string[] = [];
  common('comment', key, value, set, why);
  if (!isThreadId(value.get('threadId'))) (set.threadId = 'thread:missing'), why.push('threadId');
  const dept = value.get('authorDepartment');
  if (departmentOrOther(dept) !== dept) (set.authorDepartment = 'other'), why.push('authorDepartment');
  const text = value.get('text');
  if (typeof text !== 'string') (set.text = ''), why.push('text');
  else if (text.length > limits.maxCommentLength)
    (set.text = cut(text, limits.maxCommentLength)), why.push('text too long');
  if (typeof value.get('deleted') !== 'boolean') (set.deleted = false), why.push('deleted');
  const edited = value.get('editedAt');
  if (edited !== null && typeof edited !== 'number') (set.editedAt = null), why.push('editedAt');
  const mentions = value.get('mentions');
  if (
    !Array.isArray(mentions) ||
    mentions.length > MAX_MENTIONS ||
    mentions.some((m) => typeof m !== 'string' || m.length > 128)
  )
    (set.mentions = []), why.push('mentions');
  value.forEach((v, k) => {
    if (k.startsWith('reaction:') && (v !== true || !parseReactionKey(k) || k.length > 160))
      remove.push(k), why.push('reaction');
  });
  return fix(set, remove, why);
}

/** Whether a repair only shortened an over-long comment (its author gets the limit's message). */
export function isLengthRepair(repair: CommentsRepair): boolean {
  return repair.kind === 'fix' && repair.why.includes('text too long');
}
