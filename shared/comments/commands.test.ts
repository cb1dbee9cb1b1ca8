import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../model/errors.ts';
import { executeCommentsCommand, recordPerson } from './commands.ts';
import { commentsMap } from './doc.ts';
import { exportComments, importComments } from './exchange.ts';
import { COMMENTS_SCHEMA_VERSION, migrateComments } from './migrations.ts';
import {
  commentCountsByNote,
  filterThreads,
  isUnread,
  newlyMentioned,
  openThreadCountsByNote,
  threadsOn,
} from './queries.ts';
import { MAX_COMMENT_LENGTH } from './schema.ts';
import { CommentsSnapshotSource, readComments } from './snapshot.ts';

const ann = { id: 'ann', name: 'Ann Lee', department: 'sales' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'support' } as const;
const note = (id = 'note:a1') => ({ kind: 'note' as const, id });

function freshDoc(): Y.Doc {
  const doc = new Y.Doc();
  migrateComments(doc, 'board0000001');
  recordPerson(doc, { id: 'ann', name: 'Ann Lee', department: 'sales', joinedAt: 1 });
  recordPerson(doc, { id: 'bob', name: 'Bob', department: 'support', joinedAt: 2 });
  return doc;
}

describe('comments commands', () => {
  it('start a thread on a note, reply, count; the migration stamps version and board', () => {
    const doc = freshDoc();
    expect(doc.getMap('meta').toJSON()).toEqual({ schemaVersion: COMMENTS_SCHEMA_VERSION, boardId: 'board0000001' });
    const { threadId } = executeCommentsCommand(
      doc,
      ann,
      'startThread',
      { target: note(), text: '  Is this\nstill slow?  ' },
      'test',
      1000,
    );
    executeCommentsCommand(doc, bob, 'reply', { threadId, text: 'Yes, 4 s on mobile' }, 'test', 2000);
    const snap = readComments(doc);
    expect(snap.threads).toHaveLength(1);
    expect(snap.threads[0]!.comments.map((c) => [c.authorName, c.text])).toEqual([
      ['Ann Lee', 'Is this\nstill slow?'],
      ['Bob', 'Yes, 4 s on mobile'],
    ]);
    expect(snap.threads[0]!.lastActivityAt).toBe(2000);
    expect(threadsOn(snap, note())).toHaveLength(1);
    expect(commentCountsByNote(doc)).toEqual(new Map([['note:a1', 2]]));
  });

  it('refuses empty and over-long text with a clear message, writing nothing', () => {
    const doc = freshDoc();
    const before = Y.encodeStateVector(doc);
    expect(() => executeCommentsCommand(doc, ann, 'startThread', { target: note(), text: '   ' })).toThrow(
      /cannot be empty/,
    );
    const long = 'x'.repeat(MAX_COMMENT_LENGTH + 5);
    expect(() => executeCommentsCommand(doc, ann, 'startThread', { target: note(), text: long })).toThrow(
      `at most ${MAX_COMMENT_LENGTH} characters; this one has ${MAX_COMMENT_LENGTH + 5}`,
    );
    expect(() =>
      executeCommentsCommand(doc, ann, 'startThread', { target: { kind: 'cell', id: 'x' } as never, text: 'hi' }),
    ).toThrow(CommandError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('edit and delete only your own comment; a deleted comment no longer counts', () => {
    const doc = freshDoc();
    const { threadId, commentId } = executeCommentsCommand(
      doc,
      ann,
      'startThread',
      { target: note(), text: 'First' },
      'test',
      1,
    );
    const reply = executeCommentsCommand(doc, bob, 'reply', { threadId, text: 'Second' }, 'test', 2);
    expect(() => executeCommentsCommand(doc, bob, 'editComment', { commentId, text: 'Hijacked' })).toThrow(
      'You can only edit your own comments.',
    );
    expect(() => executeCommentsCommand(doc, bob, 'deleteComment', { commentId })).toThrow(
      'You can only delete your own comments.',
    );
    executeCommentsCommand(doc, ann, 'editComment', { commentId, text: 'First, edited' }, 'test', 5);
    executeCommentsCommand(doc, bob, 'deleteComment', { commentId: reply }, 'test', 6);
    const [first, second] = readComments(doc).threads[0]!.comments;
    expect(first).toMatchObject({ text: 'First, edited', editedAt: 5, deleted: false });
    expect(second).toMatchObject({ text: '', deleted: true });
    expect(commentCountsByNote(doc)).toEqual(new Map([['note:a1', 1]]));
  });

  it('resolve hides a thread from the badge count and the open filter; a reply reopens it', () => {
    const doc = freshDoc();
    const { threadId } = executeCommentsCommand(doc, ann, 'startThread', { target: note(), text: 'Fix the copy' });
    expect(openThreadCountsByNote(readComments(doc))).toEqual(new Map([['note:a1', 1]]));
    executeCommentsCommand(doc, bob, 'resolveThread', { threadId }, 'test', 9);
    let snap = readComments(doc);
    expect(snap.threads[0]!.resolution).toEqual({ byId: 'bob', byName: 'Bob', at: 9 });
    expect(openThreadCountsByNote(snap).size).toBe(0);
    expect(filterThreads(snap.threads, 'open', 'ann')).toHaveLength(0);
    expect(filterThreads(snap.threads, 'resolved', 'ann')).toHaveLength(1);
    expect(commentCountsByNote(doc)).toEqual(new Map([['note:a1', 1]])); // resolved or not
    executeCommentsCommand(doc, ann, 'reply', { threadId, text: 'Not quite done' });
    snap = readComments(doc);
    expect(snap.threads[0]!.resolution).toBeNull();
  });

  it('mentions keep only people whose @name is in the text; filters mine and mentioning me', () => {
    const doc = freshDoc();
    const { threadId } = executeCommentsCommand(doc, ann, 'startThread', {
      target: { kind: 'board', id: 'board0000001' },
      text: 'Hi @Bob, can you look?',
      mentions: ['bob', 'ann', 'ghost'],
    });
    const snap = readComments(doc);
    expect(snap.threads[0]!.comments[0]!.mentions).toEqual(['bob']);
    expect(filterThreads(snap.threads, 'mentions', 'bob').map((t) => t.id)).toEqual([threadId]);
    expect(filterThreads(snap.threads, 'mentions', 'ann')).toEqual([]);
    expect(filterThreads(snap.threads, 'mine', 'ann')).toHaveLength(1);
    expect(filterThreads(snap.threads, 'mine', 'bob')).toHaveLength(0);
  });

  it('a mention is new once: an edit adding @Bob tells Bob, keeping @Ann tells Ann nobody again', () => {
    const doc = freshDoc();
    const { threadId } = executeCommentsCommand(doc, bob, 'startThread', {
      target: note(),
      text: 'Hi @Ann Lee',
      mentions: ['ann'],
    });
    const comment = () => readComments(doc).threadsById.get(threadId)!.comments[0]!;
    const { people } = readComments(doc);
    expect(newlyMentioned(comment(), new Set(), people).map((p) => p.id)).toEqual(['ann']);
    const before = new Set(comment().mentions);
    executeCommentsCommand(doc, bob, 'editComment', {
      commentId: comment().id,
      text: 'Hi @Ann Lee and @Bob',
      mentions: ['ann', 'bob'],
    });
    expect(newlyMentioned(comment(), before, people).map((p) => p.id)).toEqual(['bob']);
    // An id in `mentions` whose @Name is not in the text, or who is not on the board, is nobody's mention.
    expect(
      newlyMentioned({ ...comment(), mentions: ['ann', 'bob', 'cy'], text: 'Hi @Bob' }, new Set(), people).map(
        (p) => p.id,
      ),
    ).toEqual(['bob']);
    executeCommentsCommand(doc, bob, 'deleteComment', { commentId: comment().id });
    expect(newlyMentioned(comment(), new Set(), people)).toEqual([]);
  });

  it('reactions: one key per person and reaction, toggled', () => {
    const doc = freshDoc();
    const { commentId } = executeCommentsCommand(doc, ann, 'startThread', { target: note(), text: 'Good idea' });
    executeCommentsCommand(doc, ann, 'react', { commentId, reaction: 'thumbs', on: true });
    executeCommentsCommand(doc, bob, 'react', { commentId, reaction: 'thumbs', on: true });
    executeCommentsCommand(doc, bob, 'react', { commentId, reaction: 'tada', on: true });
    executeCommentsCommand(doc, bob, 'react', { commentId, reaction: 'tada', on: false });
    expect(readComments(doc).threads[0]!.comments[0]!.reactions).toEqual({ thumbs: ['ann', 'bob'] });
    expect(commentsMap(doc).get(commentId)!.has('reaction:thumbs:bob')).toBe(true);
  });

  it('unread: a reply by someone else after my last read of the thread (or my first visit)', () => {
    const doc = freshDoc();
    const { threadId } = executeCommentsCommand(doc, ann, 'startThread', { target: note(), text: 'Q' }, 'test', 100);
    const thread = () => readComments(doc).threadsById.get(threadId)!;
    expect(isUnread(thread(), 'bob', { baseline: 50, threads: {} })).toBe(true);
    expect(isUnread(thread(), 'bob', { baseline: 150, threads: {} })).toBe(false); // written before Bob ever came
    expect(isUnread(thread(), 'ann', { baseline: 0, threads: {} })).toBe(false); // my own
    executeCommentsCommand(doc, bob, 'reply', { threadId, text: 'A' }, 'test', 200);
    expect(isUnread(thread(), 'ann', { baseline: 0, threads: { [threadId]: 150 } })).toBe(true); // Bob answered after I read it
    expect(isUnread(thread(), 'ann', { baseline: 0, threads: { [threadId]: 250 } })).toBe(false);
  });

  it('the live snapshot source follows changes and stays stable between them', () => {
    const doc = freshDoc();
    const source = new CommentsSnapshotSource(doc);
    const first = source.getSnapshot();
    expect(source.getSnapshot()).toBe(first);
    let calls = 0;
    source.subscribe(() => calls++);
    executeCommentsCommand(doc, ann, 'startThread', { target: note(), text: 'Hello' });
    expect(calls).toBe(1);
    expect(source.getSnapshot().threads).toHaveLength(1);
    source.destroy();
  });

  it('export is plain versioned JSON; import validates and round-trips it', () => {
    const doc = freshDoc();
    const { threadId, commentId } = executeCommentsCommand(
      doc,
      ann,
      'startThread',
      { target: note(), text: 'Hi @Bob', mentions: ['bob'] },
      'test',
      10,
    );
    executeCommentsCommand(doc, bob, 'react', { commentId, reaction: 'heart', on: true });
    executeCommentsCommand(doc, bob, 'resolveThread', { threadId }, 'test', 20);
    const data = exportComments(doc);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data).toMatchObject({
      format: 'journeyboard-comments',
      version: 1,
      threads: [
        {
          id: threadId,
          resolution: { byId: 'bob' },
          comments: [{ id: commentId, mentions: ['bob'], reactions: { heart: ['bob'] } }],
        },
      ],
    });

    const copy = new Y.Doc();
    expect(importComments(copy, data)).toEqual({ threads: 1, comments: 1 });
    expect(exportComments(copy)).toEqual(data);
    expect(() => importComments(new Y.Doc(), { ...data, version: 2 })).toThrow(/Not a comments export: version/);
    const bad = structuredClone(data);
    bad.threads[0]!.comments[0]!.text = 'x'.repeat(MAX_COMMENT_LENGTH + 1);
    const untouched = new Y.Doc();
    expect(() => importComments(untouched, bad)).toThrow(/threads\.0\.comments\.0\.text/);
    expect(readComments(untouched).threads).toHaveLength(0);
  });
});
