import * as Y from 'yjs';
import { parseReactionKey } from '../../shared/comments/index.ts';

type Fields = Readonly<Record<string, unknown>>;

/** What the server must write back so that a change keeps everyone's comments their own. */
export type OwnershipFix =
  | {
      readonly kind: 'set';
      readonly root: Y.Map<unknown>;
      readonly key: string;
      readonly set: Fields;
      readonly remove: readonly string[];
    }
  | { readonly kind: 'restore'; readonly root: Y.Map<unknown>; readonly key: string; readonly fields: Fields };

/**
 * Threads and comments as the server last accepted them, and the rules for changing them:
 * - a new thread or comment is written by the person whose connection wrote it (`authorId`);
 * - only its author changes or removes a comment (never its author id, nor others' reactions);
 *   anyone may add or take back their OWN reaction on any comment;
 * - a thread's `resolution` stays open to everyone who may write comments (resolve, reopen, a
 *   reply that reopens), stamped with who did it; its other fields are its author's.
 * Everything else a connection changes on someone else's thread or comment is put back.
 */
export class CommentOwnership {
  private readonly known = new Map<string, Fields>();

  constructor(roots: readonly Y.Map<unknown>[]) {
    for (const root of roots) root.forEach((value, key) => this.learn(key, value));
  }

  /** Takes the record as it is now (after a repair, or a write that was not a connection's). */
  learn(key: string, value: unknown): void {
    if (value instanceof Y.Map) this.known.set(key, value.toJSON() as Fields);
  }

  fixFor(root: Y.Map<unknown>, key: string, personId: string, kind: 'thread' | 'comment'): OwnershipFix | null {
    const known = this.known.get(key);
    const value = root.get(key);
    if (!known) {
      // New: it is the writer's own, whatever id it was given.
      if (value instanceof Y.Map && value.get('authorId') !== personId)
        return { kind: 'set', root, key, set: { authorId: personId }, remove: [] };
      return null;
    }
    if (!(value instanceof Y.Map))
      return known.authorId === personId ? null : { kind: 'restore', root, key, fields: known };
    const mine = known.authorId === personId;
    // The author changes anything but the author and other people's reactions; others, only their reaction or a resolution.
    const mayChange = (field: string) => {
      const reactor = parseReactionKey(field)?.personId;
      if (reactor !== undefined) return reactor === personId;
      if (field === 'authorId') return false;
      return mine || (kind === 'thread' && field === 'resolution');
    };
    const current = value.toJSON() as Fields;
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [field, was] of Object.entries(known)) {
      if (!mayChange(field) && !sameValue(current[field], was)) set[field] = was;
    }
    for (const field of Object.keys(current)) {
      if (!(field in known) && !mayChange(field)) remove.push(field);
    }
    const resolution = current.resolution as { byId?: unknown } | null | undefined;
    if (
      kind === 'thread' &&
      resolution &&
      typeof resolution === 'object' &&
      resolution.byId !== personId &&
      !sameValue(resolution, known.resolution)
    ) {
      set.resolution = { ...resolution, byId: personId };
    }
    return Object.keys(set).length > 0 || remove.length > 0 ? { kind: 'set', root, key, set, remove } : null;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function applyOwnershipFix(fix: OwnershipFix): void {
  if (fix.kind === 'restore') {
    const rec = new Y.Map<unknown>();
    for (const [field, value] of Object.entries(fix.fields)) rec.set(field, value);
    fix.root.set(fix.key, rec);
    return;
  }
  const rec = fix.root.get(fix.key);
  if (!(rec instanceof Y.Map)) return;
  for (const [field, value] of Object.entries(fix.set)) rec.set(field, value);
  for (const field of fix.remove) rec.delete(field);
}

/** The key under `root` of the record that `type` (a record map or a value nested in one) belongs to. */
export function ownerKey(
  type: Y.AbstractType<unknown>,
  root: Y.Map<unknown>,
): { root: Y.Map<unknown>; key: string } | null {
  let t: Y.AbstractType<unknown> | null = type;
  while (t?._item) {
    const parent = t._item.parent as Y.AbstractType<unknown>;
    if (parent === root) return t._item.parentSub ? { root, key: t._item.parentSub } : null;
    t = parent;
  }
  return null;
}
