import type * as Y from 'yjs';
import type { NoteId } from '../schema/ids.ts';
import type { Comment, Person, ThreadTarget } from './schema.ts';
import { readComments, type CommentsSnapshot, type ThreadView } from './snapshot.ts';

const isNoteId = (id: string): id is NoteId => id.startsWith('note:') && id.length > 5;

/** Non-deleted comments in threads on each note, resolved or not (for the priority-list export). */
export function commentCountsByNote(doc: Y.Doc): Map<NoteId, number> {
  return commentCountsOf(readComments(doc));
}

/** The same counts from a live snapshot (the client's priority list). */
export function commentCountsOf(snapshot: CommentsSnapshot): Map<NoteId, number> {
  return countsByNote(snapshot, () => true);
}

/** Open threads per note (the badges on the canvas). */
export function openThreadCountsByNote(snapshot: CommentsSnapshot): Map<NoteId, number> {
  const out = new Map<NoteId, number>();
  for (const t of snapshot.threads) {
    if (t.target.kind !== 'note' || t.resolution || !isNoteId(t.target.id) || !t.comments.some((c) => !c.deleted))
      continue;
    out.set(t.target.id, (out.get(t.target.id) ?? 0) + 1);
  }
  return out;
}

function countsByNote(snapshot: CommentsSnapshot, include: (t: ThreadView) => boolean): Map<NoteId, number> {
  const out = new Map<NoteId, number>();
  for (const t of snapshot.threads) {
    if (t.target.kind !== 'note' || !isNoteId(t.target.id) || !include(t)) continue;
    const n = t.comments.filter((c) => !c.deleted).length;
    if (n > 0) out.set(t.target.id, (out.get(t.target.id) ?? 0) + n);
  }
  return out;
}

export function threadsOn(snapshot: CommentsSnapshot, target: ThreadTarget): ThreadView[] {
  return snapshot.threads.filter((t) => t.target.kind === target.kind && t.target.id === target.id);
}

export type ThreadFilter = 'open' | 'resolved' | 'mine' | 'mentions';

/** The panel's filters. "Mine": I started it or wrote in it. "Mentions": a live comment mentions me. */
export function filterThreads(threads: readonly ThreadView[], filter: ThreadFilter, meId: string): ThreadView[] {
  switch (filter) {
    case 'open':
      return threads.filter((t) => !t.resolution);
    case 'resolved':
      return threads.filter((t) => t.resolution);
    case 'mine':
      return threads.filter((t) => t.authorId === meId || t.comments.some((c) => c.authorId === meId && !c.deleted));
    case 'mentions':
      return threads.filter((t) => t.comments.some((c) => mentions(c, meId)));
  }
}

export function mentions(comment: Comment, personId: string): boolean {
  return !comment.deleted && comment.mentions.includes(personId);
}

/**
 * The people of the board a comment mentions now and did not before (`before`: the ids it
 * mentioned then), each to be told once: a member whose `@Name` is in the text, as the commands
 * write mentions. An edit that keeps a mention tells nobody again; a deleted comment tells no one.
 */
export function newlyMentioned(comment: Comment, before: ReadonlySet<string>, people: readonly Person[]): Person[] {
  if (comment.deleted) return [];
  return people.filter(
    (p) => comment.mentions.includes(p.id) && !before.has(p.id) && comment.text.includes(`@${p.name}`),
  );
}

/**
 * What a person has read: per thread, the time they last opened it (kept by the server), and a
 * baseline for threads they never opened (their first visit to the board: what was written
 * before they ever came is not "unread" for them).
 */
export interface ReadState {
  readonly baseline: number;
  readonly threads: Readonly<Record<string, number>>;
}

/** A thread is unread when someone else wrote in it after I last read it. */
export function isUnread(thread: ThreadView, meId: string, reads: ReadState): boolean {
  const readAt = reads.threads[thread.id] ?? reads.baseline;
  return thread.comments.some(
    (c) => c.authorId !== meId && !c.deleted && Math.max(c.createdAt, c.editedAt ?? 0) > readAt,
  );
}

/** Comments by others since `since`, newest first (for "since you were last here"). */
export function commentsSince(
  snapshot: CommentsSnapshot,
  since: number,
  meId: string,
): { thread: ThreadView; comment: Comment }[] {
  const out: { thread: ThreadView; comment: Comment }[] = [];
  for (const thread of snapshot.threads) {
    for (const comment of thread.comments)
      if (!comment.deleted && comment.authorId !== meId && comment.createdAt > since) out.push({ thread, comment });
  }
  return out.sort((a, b) => b.comment.createdAt - a.comment.createdAt);
}
