import type { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { executeCommand, readBoard, readMeta } from '../../shared/index.ts';
import { type lockedOut, connectionReadOnly, LOCK_TYPE, TIMER_TYPE } from '../../shared/protocol/workshop.ts';
import { ROLES, type Role } from '../../shared/protocol/roles.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks } from '../testing/testServer.ts';
import { testBoards } from '../testing/testBoards.ts';
import { awarenessFence, recordingProvider, type RecordingProvider } from '../testing/workshopClients.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('BoardLock', () => {
  const boards = testBoards<RecordingProvider>(recordingProvider);
  const join = (boardId: string, token: string) => boards.join(boardId, token);
  const rename = (p: HocuspocusProvider, title: string) => executeCommand(p.document, ann, 'renameBoard', { title });
  const addNote = (p: HocuspocusProvider, text: string) => {
    const { stages, lanes } = readBoard(p.document);
    return executeCommand(p.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text });
  };
  const serverTitle = (id: string) => readMeta(boards.server.server.hocuspocus.documents.get(id)!).title;

  it('a lock makes a raw editor provider read-only on the server; the facilitator still writes; unlock gives the editor its rights back', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Start' });
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);
    const serverNotes = () =>
      readBoard(boards.server.server.hocuspocus.documents.get(id)!)
        .notes.map((n) => n.text)
        .sort();

    addNote(editor.provider, 'Before the lock');
    await waitForAck(editor.provider);
    expect(serverNotes()).toEqual(['Before the lock']);

    facilitator.send({ type: LOCK_TYPE, locked: true });
    await editor.waitForState((m) => m.state.lock.locked, 'the editor to hear of the lock');

    addNote(editor.provider, 'Written while locked');
    rename(editor.provider, 'Renamed while locked');
    await awarenessFence(editor.provider, facilitator.provider);
    expect(serverNotes()).toEqual(['Before the lock']);
    expect(serverTitle(id)).toBe('Start');
    expect(readBoard(facilitator.doc).notes.map((n) => n.text)).toEqual(['Before the lock']);
    expect(editor.provider.hasUnsyncedChanges).toBe(true); // never acknowledged
    expect(readBoard((await loadBoardDoc(server.server.store, id))!.doc).notes.map((n) => n.text)).toEqual([
      'Before the lock',
    ]);

    // The facilitator is not locked out.
    addNote(facilitator.provider, 'By the facilitator');
    await waitForAck(facilitator.provider);
    expect(serverNotes()).toEqual(['Before the lock', 'By the facilitator']);

    facilitator.send({ type: LOCK_TYPE, locked: false });
    await editor.waitForState((m) => !m.state.lock.locked, 'the editor to hear of the unlock');
    // The refused changes are still in the editor's copy, so its next one depends on them: a
    // client resynchronises on unlock (the Journeyboard client does), which sends them too.
    editor.provider.forceSync();
    addNote(editor.provider, 'After the unlock');
    await waitForAck(editor.provider);
    await waitFor(() => serverNotes().includes('After the unlock'), { what: 'the editor’s change to be applied' });
    await waitFor(() => readBoard(facilitator.doc).notes.some((n) => n.text === 'After the unlock'), {
      what: 'the editor’s change to reach the facilitator',
    });
  });

  it('an editor who connects while the board is locked is read-only from its first message', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Locked early' });
    const facilitator = await join(id, tokens.facilitator);
    facilitator.send({ type: LOCK_TYPE, locked: true });
    await facilitator.waitForState((m) => m.state.lock.locked, 'the lock');

    const late = await join(id, tokens.editor);
    expect(late.latestState()?.state.lock.locked).toBe(true); // told on connect
    rename(late.provider, 'Late write');
    await awarenessFence(late.provider, facilitator.provider);
    expect(serverTitle(id)).toBe('Locked early');
  });

  it('the lock survives a server restart (stored in the database)', async () => {
    const dataDir = boards.dataDir();
    let server = await boards.start({ dataDir });
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Durable lock' });
    const facilitator = await join(id, tokens.facilitator);
    facilitator.send({ type: LOCK_TYPE, locked: true, commentsOpen: false });
    await facilitator.waitForState((m) => m.state.lock.locked, 'the lock');
    await boards.stop();

    server = await boards.start({ dataDir });
    const editor = await join(id, tokens.editor);
    const watcher = await join(id, tokens.viewer);
    expect(editor.latestState()?.state.lock).toMatchObject({ locked: true, commentsOpen: false });
    rename(editor.provider, 'After restart');
    await awarenessFence(editor.provider, watcher.provider);
    expect(serverTitle(id)).toBe('Durable lock');
  });

  it('an editor cannot lock or unlock: the connection is closed and the lock is unchanged', async () => {
    const server = await boards.start();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await join(id, tokens.facilitator);
    const editor = await join(id, tokens.editor);
    facilitator.send({ type: LOCK_TYPE, locked: true });
    await editor.waitForState((m) => m.state.lock.locked, 'the lock');

    for (const message of [
      { type: LOCK_TYPE, locked: false },
      { type: TIMER_TYPE, action: 'start' },
    ]) {
      const sender = await join(id, tokens.editor);
      const closed = new Promise<string>((resolve) =>
        sender.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
      );
      sender.send(message);
      expect(await closed).toBe('forbidden-message');
    }
    expect((await server.server.workshop.state(id)).lock.locked).toBe(true);
    expect((await server.server.workshop.state(id)).timer.status).toBe('idle');
  });

  it('who is locked out where: never the facilitator; comments stay writable only while the facilitator leaves them open', () => {
    const locked = (commentsOpen: boolean) => ({ locked: true, commentsOpen, since: 1, byTimer: false });
    const unlocked = { locked: false, commentsOpen: true, since: null, byTimer: false };
    const table = (lock: Parameters<typeof lockedOut>[2]) =>
      Object.fromEntries(
        ROLES.map((r: Role) => [r, [connectionReadOnly(r, 'board', lock), connectionReadOnly(r, 'comments', lock)]]),
      );
    expect(table(unlocked)).toEqual({
      facilitator: [false, false],
      editor: [false, false],
      commenter: [true, false],
      viewer: [true, true],
    });
    expect(table(locked(true))).toEqual({
      facilitator: [false, false],
      editor: [true, false],
      commenter: [true, false],
      viewer: [true, true],
    });
    expect(table(locked(false))).toEqual({
      facilitator: [false, false],
      editor: [true, true],
      commenter: [true, true],
      viewer: [true, true],
    });
  });
});
