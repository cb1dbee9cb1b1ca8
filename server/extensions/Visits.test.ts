import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { executeCommentsCommand, isUnread, readComments } from '../../shared/comments/index.ts';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { parseVisitInfo, THREAD_READ, VISIT, type VisitInfo } from '../../shared/protocol/visits.ts';
import { sqlitePath } from '../storage/database.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { identityNamed } from '../testing/identities.ts';
import type { Department } from '../../shared/schema/department.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const ann = { id: 'user-ann', name: 'Ann', department: 'sales' } as const;
const bob = { id: 'user-bob', name: 'Bob', department: 'support' } as const;

/**
 * Last visits, thread reads and "since you were last here", across two sessions of one
 * person: the server remembers, the client only asks.
 */
describe('Visits', () => {
  const cleanups = cleanupsAfterEach();
  let server: TestServer;

  /** A comments connection that says who it is and resolves with the server's visit info. */
  const arrive = async (
    boardId: string,
    token: string,
    person: { id: string; name: string; department: Department },
  ) => {
    const infos: VisitInfo[] = [];
    // The test's person id names the identity (the same person on every visit), as on a real device.
    const identity = await identityNamed(server.wsUrl, boardId, token, person.id);
    const provider = await connectProvider(server.wsUrl, `${boardId}/comments`, {
      token,
      credential: identity?.credential ?? null,
      onStateless: (payload) => {
        const info = parseVisitInfo(JSON.parse(payload));
        if (info) infos.push(info);
      },
    });
    cleanups.push(() => provider.destroy());
    provider.sendStateless(JSON.stringify({ type: VISIT, person }));
    const info = await waitFor(() => infos[0], { what: 'the visit info' });
    // The person as the server proved them: the id every visit, read and comment is keyed by.
    return { provider, info, me: { ...person, id: identity!.personId } };
  };
  const lastSeen = (personId: string): number => {
    const db = new DatabaseSync(sqlitePath(server.dataDir));
    try {
      return Number(db.prepare('SELECT last_seen_at AS t FROM board_visits WHERE person_id = ?').get(personId)?.t ?? 0);
    } finally {
      db.close();
    }
  };

  it('two sessions of one person: the second hears what changed since the first ended, and unread threads', async () => {
    server = await startTestServer();
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });

    // Session 1 of Ann: a first visit, nothing to summarise. She reads an existing thread.
    const first = await arrive(id, tokens.editor, ann);
    const annP = first.me;
    expect(first.info.previousSeenAt).toBeNull();
    expect(first.info.notes).toEqual([]);
    const { threadId } = executeCommentsCommand(first.provider.document, annP, 'startThread', {
      target: { kind: 'board', id },
      text: 'Welcome all',
    });
    await waitForAck(first.provider);
    first.provider.sendStateless(JSON.stringify({ type: THREAD_READ, threadId }));
    first.provider.destroy();
    const leftAt = await waitFor(() => (lastSeen(annP.id) > first.info.now ? lastSeen(annP.id) : 0), {
      what: 'Ann’s departure to be recorded',
    });
    await waitFor(() => Date.now() > leftAt, { what: 'the clock to move on' });

    // Bob, meanwhile: adds, edits, moves and deletes notes, and replies to Ann.
    const board = await connectProvider(server.wsUrl, id, { token: tokens.editor, as: bob.id });
    cleanups.push(() => board.destroy());
    const b = readBoard(board.document);
    const [kept, moved, doomed] = b.notes;
    const added = executeCommand(board.document, bob, 'addNote', {
      stageId: b.stages[0]!.id,
      laneId: b.lanes[0]!.id,
      text: 'Price shown too late',
    });
    executeCommand(board.document, bob, 'editNoteText', { noteId: kept!.id, text: 'Edited by Bob' });
    executeCommand(board.document, bob, 'moveNotes', {
      noteIds: [moved!.id],
      stageId: b.stages[2]!.id,
      laneId: b.lanes[1]!.id,
    });
    executeCommand(board.document, bob, 'deleteNotes', { noteIds: [doomed!.id] });
    const temporary = executeCommand(board.document, bob, 'addNote', {
      stageId: b.stages[0]!.id,
      laneId: b.lanes[0]!.id,
      text: 'Oops',
    });
    executeCommand(board.document, bob, 'deleteNotes', { noteIds: [temporary] });
    await waitForAck(board);
    const bobComments = await arrive(id, tokens.commenter, bob);
    executeCommentsCommand(bobComments.provider.document, bobComments.me, 'reply', {
      threadId,
      text: 'Thanks @Ann',
      mentions: [annP.id],
    });
    await waitForAck(bobComments.provider);

    // Session 2 of Ann.
    const second = await arrive(id, tokens.editor, ann);
    expect(second.info.previousSeenAt).toBe(leftAt);
    expect(second.info.firstSeenAt).toBe(first.info.firstSeenAt);
    const byNote = Object.fromEntries(second.info.notes.map((n) => [n.noteId, [n.change, n.label]]));
    expect(byNote).toEqual({
      [added]: ['added', 'Price shown too late'],
      [kept!.id]: ['edited', 'Edited by Bob'],
      [moved!.id]: ['moved', moved!.text.replace(/\s+/g, ' ').trim().slice(0, 80)],
      [doomed!.id]: ['deleted', doomed!.text.replace(/\s+/g, ' ').trim().slice(0, 80)],
    });
    // The thread Ann read in session 1 is unread again: Bob answered after that.
    expect(second.info.reads[threadId]).toBeGreaterThan(0);
    const thread = () => readComments(second.provider.document).threadsById.get(threadId)!;
    const reads = () => ({ baseline: second.info.firstSeenAt, threads: second.info.reads });
    await waitFor(() => thread()?.comments.length === 2, { what: 'the reply to sync' });
    expect(isUnread(thread(), annP.id, reads())).toBe(true);
    expect(thread().comments[1]!.mentions).toEqual([annP.id]);
    // Everyone who arrived is a mention candidate, written by the server.
    expect(readComments(second.provider.document).people.map((p) => p.name)).toEqual(['Ann', 'Bob']);

    // She opens it; a third session finds it read.
    second.provider.sendStateless(JSON.stringify({ type: THREAD_READ, threadId }));
    second.provider.destroy();
    await waitFor(() => lastSeen(annP.id) > second.info.now, { what: 'Ann’s second departure' });
    const third = await arrive(id, tokens.viewer, ann);
    expect(third.info.notes).toEqual([]);
    await waitFor(() => readComments(third.provider.document).threadsById.get(threadId)?.comments.length === 2, {
      what: 'the thread',
    });
    expect(
      isUnread(readComments(third.provider.document).threadsById.get(threadId)!, annP.id, {
        baseline: third.info.firstSeenAt,
        threads: third.info.reads,
      }),
    ).toBe(false);
  });

  it('one connection is one person: an id in a visit is ignored', async () => {
    server = await startTestServer();
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url);
    const a = await arrive(id, tokens.viewer, ann);
    a.provider.sendStateless(JSON.stringify({ type: VISIT, person: bob }));
    const fence = await arrive(id, tokens.viewer, { id: 'user-cem', name: 'Cem', department: 'product' });
    await waitFor(() => readComments(fence.provider.document).people.some((p) => p.name === 'Cem') || null, {
      what: 'Cem to be listed',
    });
    // Bob's id was not taken: the second visit only renamed the person the connection proved.
    expect(
      readComments(fence.provider.document)
        .people.map((p) => p.id)
        .sort(),
    ).toEqual([a.me.id, fence.me.id].sort());
  });

  it('a client cannot write the people list; the server puts it back', async () => {
    server = await startTestServer();
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url);
    const a = await arrive(id, tokens.commenter, ann);
    a.provider.document.transact(() => {
      a.provider.document
        .getMap('people')
        .set('user-fake', { id: 'user-fake', name: 'Fake', department: 'sales', joinedAt: 1 });
      a.provider.document
        .getMap('people')
        .set(a.me.id, { id: a.me.id, name: 'Renamed', department: 'sales', joinedAt: 1 });
    });
    await waitFor(() => !a.provider.document.getMap('people').has('user-fake') || null, {
      what: 'the server’s repair',
    });
    expect(readComments(a.provider.document).people.map((p) => p.name)).toEqual(['Ann']);
  });

  it('the summary lists other people’s changes only: a person’s own (offline edits sent on reconnect) are no news to them', async () => {
    server = await startTestServer();
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const first = await arrive(id, tokens.editor, ann);
    first.provider.destroy();
    const leftAt = await waitFor(() => (lastSeen(first.me.id) > first.info.now ? lastSeen(first.me.id) : 0), {
      what: 'Ann’s departure',
    });
    await waitFor(() => Date.now() > leftAt, { what: 'the clock to move on' });
    // Ann's own board connection sends her edits after she left the comments (a tab that was offline).
    const annBoard = await connectProvider(server.wsUrl, id, { token: tokens.editor, as: ann.id });
    const bobBoard = await connectProvider(server.wsUrl, id, { token: tokens.editor, as: bob.id });
    cleanups.push(
      () => annBoard.destroy(),
      () => bobBoard.destroy(),
    );
    const b = readBoard(annBoard.document);
    const cell = { stageId: b.stages[0]!.id, laneId: b.lanes[0]!.id };
    executeCommand(annBoard.document, first.me, 'addNote', { ...cell, text: 'Written by Ann offline' });
    await waitForAck(annBoard);
    const bobs = executeCommand(bobBoard.document, { ...bob, id: 'ignored' }, 'addNote', {
      ...cell,
      text: 'Written by Bob',
    });
    await waitForAck(bobBoard);
    const second = await arrive(id, tokens.editor, ann);
    expect(second.info.notes.map((n) => [n.noteId, n.change])).toEqual([[bobs, 'added']]);
  });
});
