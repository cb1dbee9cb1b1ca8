import * as Y from 'yjs';
import { commentsMap, peopleMap, threadsMap, type CommentsRecordMap } from './doc.ts';
import {
  readComment,
  readPerson,
  readThread,
  type Comment,
  type Person,
  type Thread,
  type ThreadId,
} from './schema.ts';

/** A thread with its comments (oldest first), as the UI shows it. */
export interface ThreadView extends Thread {
  readonly comments: readonly Comment[];
  /** Time of the newest comment (or the thread's creation): the panel sorts by it. */
  readonly lastActivityAt: number;
}

/** Everything a reader sees of the comments document; immutable, rebuilt on change. */
export interface CommentsSnapshot {
  /** Newest activity first. Threads without a readable comment are left out. */
  readonly threads: readonly ThreadView[];
  readonly threadsById: ReadonlyMap<ThreadId, ThreadView>;
  /** Everyone who has joined the board, by name. */
  readonly people: readonly Person[];
}

function fieldsOf(rec: CommentsRecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  rec.forEach((v, k) => (out[k] = v));
  return out;
}

export function readComments(doc: Y.Doc): CommentsSnapshot {
  const threads: Thread[] = [];
  threadsMap(doc).forEach((rec, id) => {
    const t = rec instanceof Y.Map ? readThread(id, fieldsOf(rec)) : null;
    if (t) threads.push(t);
  });
  const comments: Comment[] = [];
  commentsMap(doc).forEach((rec, id) => {
    const c = rec instanceof Y.Map ? readComment(id, fieldsOf(rec)) : null;
    if (c) comments.push(c);
  });
  const people: Person[] = [];
  peopleMap(doc).forEach((v, id) => {
    const p = readPerson(id, v);
    if (p) people.push(p);
  });
  return buildCommentsSnapshot(threads, comments, people);
}

const byTimeThenId = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function buildCommentsSnapshot(
  threads: Iterable<Thread>,
  comments: Iterable<Comment>,
  people: Iterable<Person>,
): CommentsSnapshot {
  const byThread = new Map<ThreadId, Comment[]>();
  for (const c of comments) {
    const list = byThread.get(c.threadId);
    if (list) list.push(c);
    else byThread.set(c.threadId, [c]);
  }
  const views: ThreadView[] = [];
  for (const t of threads) {
    const list = (byThread.get(t.id) ?? []).sort(byTimeThenId);
    if (list.length === 0) continue; // half-synced: its first comment has not arrived yet
    views.push({ ...t, comments: list, lastActivityAt: Math.max(t.createdAt, ...list.map((c) => c.createdAt)) });
  }
  views.sort((a, b) => b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : 1));
  return {
    threads: views,
    threadsById: new Map(views.map((v) => [v.id, v])),
    people: [...people].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)),
  };
}

/**
 * A live, cached snapshot for React (`useSyncExternalStore`): rebuilt lazily after a change,
 * stable between changes. Comment documents are small (hundreds of comments), so a change
 * re-reads the whole document rather than tracking records one by one.
 */
export class CommentsSnapshotSource {
  private snapshot: CommentsSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    doc.on('afterTransaction', this.onTransaction);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CommentsSnapshot => (this.snapshot ??= readComments(this.doc));

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (tr.changed.size === 0) return;
    this.snapshot = null;
    for (const l of this.listeners) l();
  };
}
