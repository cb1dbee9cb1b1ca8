import { describe, expect, it } from 'vitest';
import { executeCommand, readBoard, readMeta } from '../../shared/index.ts';
import { BoardFull, LinkRotated, Unauthorized } from '../../shared/protocol/closeReasons.ts';
import type { BoardLinksResponse } from '../../shared/protocol/http.ts';
import { canWrite, tokenFromFragment, type Role } from '../../shared/protocol/roles.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { awarenessFence as fence, connectProvider, refusalReason, waitFor, waitForAck } from '../testing/providers.ts';
import { testBoards } from '../testing/testBoards.ts';
import { createBoardWithLinks } from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('RoleAccess', () => {
  const boards = testBoards((wsUrl, boardId, token) => connectProvider(wsUrl, boardId, { token }));
  const connect = (boardId: string, token: string) => boards.join(boardId, token);

  it('refuses a connection without a token, with a wrong one, and with another board’s token', async () => {
    await boards.start();
    const a = await createBoardWithLinks(boards.server.url);
    const b = await createBoardWithLinks(boards.server.url);
    expect(await refusalReason(boards.server.wsUrl, a.id, '')).toBe(Unauthorized.reason);
    expect(await refusalReason(boards.server.wsUrl, a.id, 'x'.repeat(32))).toBe(Unauthorized.reason);
    expect(await refusalReason(boards.server.wsUrl, a.id, b.tokens.facilitator)).toBe(Unauthorized.reason);
    expect(boards.server.server.hocuspocus.getDocumentsCount()).toBe(0);
  });

  it('a viewer’s write is neither applied, nor broadcast, nor stored', async () => {
    await boards.start();
    const { id, tokens } = await createBoardWithLinks(boards.server.url, { title: 'Read me' });
    const editor = await connect(id, tokens.editor);
    const viewer = await connect(id, tokens.viewer);
    expect(readMeta(viewer.document).title).toBe('Read me');

    executeCommand(viewer.document, ann, 'renameBoard', { title: 'Hacked by a viewer' });
    const { stages, lanes } = readBoard(viewer.document);
    executeCommand(viewer.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'spam' });
    await fence(viewer, editor);

    expect(readMeta(editor.document).title).toBe('Read me');
    expect(readBoard(editor.document).notes).toHaveLength(0);
    expect(readMeta(boards.server.server.hocuspocus.documents.get(id)!).title).toBe('Read me');
    const stored = await loadBoardDoc(boards.server.server.store, id);
    expect(readMeta(stored!.doc).title).toBe('Read me');
    expect(viewer.hasUnsyncedChanges).toBe(true); // the server never acknowledged it
  });

  it('a commenter is read-only on the board; an editor and a facilitator write it', async () => {
    await boards.start();
    const { id, tokens } = await createBoardWithLinks(boards.server.url, { template: 'ecommerce' });
    const commenter = await connect(id, tokens.commenter);
    const facilitator = await connect(id, tokens.facilitator);
    executeCommand(commenter.document, ann, 'renameBoard', { title: 'By a commenter' });
    await fence(commenter, facilitator);
    expect(readMeta(facilitator.document).title).not.toBe('By a commenter');

    const editor = await connect(id, tokens.editor);
    executeCommand(editor.document, ann, 'renameBoard', { title: 'By an editor' });
    await waitForAck(editor);
    await waitFor(() => readMeta(facilitator.document).title === 'By an editor', {
      what: 'the editor’s change to arrive',
    });
    // (The commenter's own refused rename stays in its local copy; it sees the others' changes.)
    const { stages, lanes } = readBoard(facilitator.document);
    const noteId = executeCommand(facilitator.document, ann, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'From the facilitator',
    });
    await waitForAck(facilitator);
    await waitFor(() => readBoard(commenter.document).notesById.has(noteId), {
      what: 'the commenter to see the change',
    });
  });

  it('decides per document: a commenter writes the comments document, a viewer does not', () => {
    const table = (['facilitator', 'editor', 'commenter', 'viewer'] as Role[]).map((r) => [
      r,
      canWrite(r, 'board'),
      canWrite(r, 'comments'),
    ]);
    expect(table).toEqual([
      ['facilitator', true, true],
      ['editor', true, true],
      ['commenter', false, true],
      ['viewer', false, false],
    ]);
  });

  it('rotation: whoever used the old link is disconnected with link-rotated, the old token is refused, the new one works', async () => {
    await boards.start();
    const { id, tokens } = await createBoardWithLinks(boards.server.url);
    const facilitator = await connect(id, tokens.facilitator);
    const viewer = await connect(id, tokens.viewer);
    const closed = new Promise<string>((resolve) =>
      viewer.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );

    const res = await fetchAsPerson(`${boards.server.url}/api/boards/${id}/links/viewer/rotate`, tokens.facilitator, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as BoardLinksResponse;
    expect(await closed).toBe(LinkRotated.reason);

    expect(await refusalReason(boards.server.wsUrl, id, tokens.viewer)).toBe(Unauthorized.reason);
    const fresh = tokenFromFragment(new URL(body.links.viewer!, boards.server.url).hash)!;
    expect(fresh).not.toBe(tokens.viewer);
    await connect(id, fresh);
    // The facilitator was not disconnected and still writes.
    executeCommand(facilitator.document, ann, 'renameBoard', { title: 'Still here' });
    await waitForAck(facilitator);
  });

  it('refuses the connection past MAX_CONNECTIONS_PER_BOARD with board-full; other boards carry on', async () => {
    await boards.start({ limits: { maxConnectionsPerBoard: 2 } });
    const full = await createBoardWithLinks(boards.server.url);
    const other = await createBoardWithLinks(boards.server.url);
    await connect(full.id, full.tokens.editor);
    await connect(full.id, full.tokens.viewer);
    expect(await refusalReason(boards.server.wsUrl, full.id, full.tokens.editor)).toBe(BoardFull.reason);
    await connect(other.id, other.tokens.editor);
  });

  it('closes a connection that sends a stateless message nobody may send', async () => {
    await boards.start();
    const { id, tokens } = await createBoardWithLinks(boards.server.url);
    const facilitator = await connect(id, tokens.facilitator);
    const closed = new Promise<string>((resolve) =>
      facilitator.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    facilitator.sendStateless(JSON.stringify({ type: 'no-such-message' }));
    expect(await closed).toBe('forbidden-message');
  });

  it('keeps a viewer’s presence (cursor) flowing', async () => {
    await boards.start();
    const { id, tokens } = await createBoardWithLinks(boards.server.url);
    const editor = await connect(id, tokens.editor);
    const viewer = await connect(id, tokens.viewer);
    viewer.awareness!.setLocalState({
      user: { id: 'vera', name: 'Vera', colour: '#0d74ce', department: 'other' },
      cursor: { x: 10, y: 20 },
    });
    await waitFor(() => editor.awareness!.getStates().get(viewer.document.clientID)?.cursor?.x === 10, {
      what: 'the viewer’s cursor',
    });
  });
});
