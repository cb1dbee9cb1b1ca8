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

/** What a repair sets and removes, each with why. */
class Repairs {
  readonly set: Record<string, unknown> = {};
  readonly remove: string[] = [];
  readonly why: string[] = [];

  put(field: string, value: unknown, why = field): void {
    this.set[field] = value;
    this.why.push(why);
  }

  drop(key: string, why: string): void {
    this.remove.push(key);
    this.why.push(why);
  }

  result(): CommentsRepair {
    const { set, remove, why } = this;
    return Object.keys(set).length === 0 && remove.length === 0 ? { kind: 'ok' } : { kind: 'fix', set, remove, why };
  }
}

function common(typeName: string, key: string, rec: Y.Map<unknown>, fix: Repairs): void {
  if (rec.get('typeName') !== typeName) fix.put('typeName', typeName);
  if (rec.get('id') !== key) fix.put('id', key);
  if (typeof rec.get('createdAt') !== 'number' || !Number.isFinite(rec.get('createdAt'))) fix.put('createdAt', 0);
  if (typeof rec.get('authorId') !== 'string' || (rec.get('authorId') as string).length > 128) fix.put('authorId', '');
  const name = rec.get('authorName');
  if (typeof name !== 'string') fix.put('authorName', 'Someone');
  else if (name.length > MAX_NAME_LENGTH) fix.put('authorName', cut(name, MAX_NAME_LENGTH));
}

export function threadRepair(key: string, value: unknown): CommentsRepair {
  if (!isThreadId(key)) return { kind: 'delete', why: 'not a thread id' };
  if (!(value instanceof Y.Map)) return { kind: 'delete', why: 'not a map' };
  const fix = new Repairs();
  common('thread', key, value, fix);
  if (!targetSchema.safeParse(value.get('target')).success) fix.put('target', { kind: 'board', id: '' });
  const r = value.get('resolution');
  if (r !== null && !resolutionSchema.safeParse(r).success) fix.put('resolution', null);
  return fix.result();
}

export function commentRepair(
  key: string,
  value: unknown,
  limits: CommentsRepairLimits = { maxCommentLength: MAX_COMMENT_LENGTH },
): CommentsRepair {
  if (!isCommentId(key)) return { kind: 'delete', why: 'not a comment id' };
  if (!(value instanceof Y.Map)) return { kind: 'delete', why: 'not a map' };
  const fix = new Repairs();
  common('comment', key, value, fix);
  if (!isThreadId(value.get('threadId'))) fix.put('threadId', 'thread:missing');
  const dept = value.get('authorDepartment');
  if (departmentOrOther(dept) !== dept) fix.put('authorDepartment', 'other');
  const text = value.get('text');
  if (typeof text !== 'string') fix.put('text', '');
  else if (text.length > limits.maxCommentLength) fix.put('text', cut(text, limits.maxCommentLength), 'text too long');
  if (typeof value.get('deleted') !== 'boolean') fix.put('deleted', false);
  const edited = value.get('editedAt');
  if (edited !== null && typeof edited !== 'number') fix.put('editedAt', null);
  const mentions = value.get('mentions');
  if (
    !Array.isArray(mentions) ||
    mentions.length > MAX_MENTIONS ||
    mentions.some((m) => typeof m !== 'string' || m.length > 128)
  )
    fix.put('mentions', []);
  value.forEach((v, k) => {
    if (k.startsWith('reaction:') && (v !== true || !parseReactionKey(k) || k.length > 160)) fix.drop(k, 'reaction');
  });
  return fix.result();
}

/** Whether a repair only shortened an over-long comment (its author gets the limit's message). */
export function isLengthRepair(repair: CommentsRepair): boolean {
  return repair.kind === 'fix' && repair.why.includes('text too long');
}
