import { describe, expect, it } from 'vitest';
import { executeCommand, readBoard, readMeta, type NoteId, type StateComparison } from '../../shared/index.ts';
import { LinkRotated, RemovedFromBoard, Unauthorized } from '../../shared/protocol/closeReasons.ts';
import { PEOPLE } from '../../shared/protocol/people.ts';
import type { FutureStateResponse } from '../../shared/protocol/futureState.ts';
import type { BoardLinksResponse, BoardListResponse } from '../../shared/protocol/http.ts';
import { tokenFromFragment, type Role } from '../../shared/protocol/roles.ts';
import { boardCallHeaders, fetchAsPerson, identityNamed } from '../testing/identities.ts';
import {
  awarenessFence as fence,
  ConnectionRefused,
  connectProvider,
  refusalReason,
  waitFor,
  waitForAck,
} from '../testing/providers.ts';
import { serverDatabases } from '../testing/serverDatabases.ts';
import { testBoards } from '../testing/testBoards.ts';
import { createBoardWithLinks } from '../testing/testServer.ts';

const ADMIN = 'admin-token-0123456789';
const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

/**
 * The future-state board as an outside client sees it: raw HTTP and raw providers, with the
 * current board's share links, another board's, or none. The future board has no links of its own;
 * whoever can open the current board opens it with the same role, and nobody else.
 */
describe.each(serverDatabases())('future-state board on %s', (_name, options) => {
  const boards = testBoards((wsUrl, boardId, token, credential: string | undefined) =>
    connectProvider(wsUrl, boardId, { token, credential }),
  );
  const connect = (boardId: string, token: string, credential?: string) => boards.join(boardId, token, credential);
  const makeFuture = (boardId: string, token: string, body?: unknown) =>
    fetchAsPerson(`${boards.server.url}/api/boards/${boardId}/future-state`, token, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
  /** A current board with notes, and its future state made by its editor. */
  const pair = async () => {
    const current = await createBoardWithLinks(boards.server.url, { title: 'Checkout', template: 'ecommerce' });
    const res = await makeFuture(current.id, current.tokens.editor);
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as FutureStateResponse;
    return { current, future: link!.future, tokens: current.tokens };
  };

  it('an editor or a facilitator makes it, once; a commenter or a viewer may not; a future has no future', async () => {
    await boards.start(options());
    const board = await createBoardWithLinks(boards.server.url, { title: 'Checkout', template: 'ecommerce' });
    for (const role of ['viewer', 'commenter'] as Role[])
      expect((await makeFuture(board.id, board.tokens[role])).status, role).toBe(403);

    const made = await makeFuture(board.id, board.tokens.editor, { title: 'Checkout, next year' });
    expect(made.status).toBe(201);
    const { link } = (await made.json()) as FutureStateResponse;
    expect(link!.current).toEqual({ id: board.id, title: 'Checkout' });
    expect(link!.future.title).toBe('Checkout, next year');
    // Asked again (by the facilitator): the same board, not a second one.
    const again = await makeFuture(board.id, board.tokens.facilitator);
    expect(again.status).toBe(200);
    expect(((await again.json()) as FutureStateResponse).link!.future.id).toBe(link!.future.id);
    const ofFuture = await makeFuture(link!.future.id, board.tokens.facilitator);
    expect(ofFuture.status).toBe(409);
    expect(((await ofFuture.json()) as { error: { code: string } }).error.code).toBe('future-of-future');
    expect((await makeFuture(board.id, board.tokens.editor, { title: '' })).status).toBe(400);
  });

  it('requests made at once get one future board, the same for all, and leave no board without a pair', async () => {
    await boards.start({ ...options(), adminToken: ADMIN });
    const server = boards.server;
    const currents = [];
    for (let i = 0; i < 3; i++) currents.push(await createBoardWithLinks(server.url, { template: 'ecommerce' }));
    const futures: string[] = [];
    for (const board of currents) {
      // Four people press "Make future state" together, as editors and facilitators: each one's
      // headers (and credential) first, then the four requests in one go.
      const url = `${server.url}/api/boards/${board.id}/future-state`;
      const callers = await Promise.all(
        [board.tokens.editor, board.tokens.facilitator, board.tokens.editor, board.tokens.facilitator].map((token) =>
          boardCallHeaders(server.url, board.id, token),
        ),
      );
      const answers = await Promise.all(
        callers.map(async (headers) => {
          const res = await fetch(url, { method: 'POST', headers });
          return { status: res.status, link: ((await res.json()) as FutureStateResponse).link! };
        }),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.link.future.id)).size).toBe(1);
      expect(answers[0]!.link.current.id).toBe(board.id);
      futures.push(answers[0]!.link.future.id);
    }
    const listed = await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${ADMIN}` } });
    const { boards: stored } = (await listed.json()) as BoardListResponse;
    // The three boards and their three futures; a future made by a request that lost would be one
    // more board, that no link opens.
    expect(stored.map((b) => b.id).sort()).toEqual([...currents.map((b) => b.id), ...futures].sort());
  });

  it('refuses a stranger, another board’s link and an unknown board, over HTTP and on the socket', async () => {
    await boards.start(options());
    const { current, future, tokens } = await pair();
    const other = await createBoardWithLinks(boards.server.url);

    expect((await fetch(`${boards.server.url}/api/boards/${future.id}/compare`)).status).toBe(401);
    expect(
      (await fetchAsPerson(`${boards.server.url}/api/boards/${future.id}/compare`, other.tokens.facilitator)).status,
    ).toBe(401);
    expect((await makeFuture(current.id, other.tokens.facilitator)).status).toBe(401);
    expect((await makeFuture('zzzzzzzzzzzz', tokens.facilitator)).status).toBe(404);
    expect((await fetchAsPerson(`${boards.server.url}/api/boards/zzzzzzzzzzzz/compare`, tokens.viewer)).status).toBe(
      404,
    );
    // The current board's links open only its own pair: not another board's future.
    const otherFuture = await makeFuture(other.id, other.tokens.editor);
    const otherId = ((await otherFuture.json()) as FutureStateResponse).link!.future.id;
    expect(await refusalReason(boards.server.wsUrl, otherId, tokens.facilitator)).toBe(Unauthorized.reason);

    expect(await refusalReason(boards.server.wsUrl, future.id, '')).toBe(Unauthorized.reason);
    expect(await refusalReason(boards.server.wsUrl, future.id, other.tokens.facilitator)).toBe(Unauthorized.reason);
    expect(await refusalReason(boards.server.wsUrl, future.id, 'x'.repeat(32))).toBe(Unauthorized.reason);
    expect(boards.server.server.hocuspocus.documents.has(future.id)).toBe(false);
  });

  it('the current board’s viewer link opens the future board as a viewer, not an editor; its editor link as an editor', async () => {
    await boards.start(options());
    const { future, tokens } = await pair();
    const links = await fetchAsPerson(`${boards.server.url}/api/boards/${future.id}/links`, tokens.viewer);
    expect(((await links.json()) as BoardLinksResponse).role).toBe('viewer');

    const editor = await connect(future.id, tokens.editor);
    const viewer = await connect(future.id, tokens.viewer);
    expect(readMeta(viewer.document).title).toBe('Checkout (future state)');
    executeCommand(viewer.document, ann, 'renameBoard', { title: 'Renamed by a viewer' });
    await fence(viewer, editor);
    expect(readMeta(editor.document).title).toBe('Checkout (future state)');
    expect(viewer.hasUnsyncedChanges).toBe(true);
    expect((await makeFuture(future.id, tokens.viewer)).status).toBe(403);

    executeCommand(editor.document, ann, 'renameBoard', { title: 'Checkout, next year' });
    await waitForAck(editor);
    await waitFor(
      () => readMeta(boards.server.server.hocuspocus.documents.get(future.id)!).title === 'Checkout, next year',
    );
  });

  it('a person removed from the current board cannot open the future one, with the same credential', async () => {
    await boards.start(options());
    const { current, future, tokens } = await pair();
    const bob = (await identityNamed(boards.server.wsUrl, current.id, tokens.editor, 'bob'))!;
    await connect(future.id, tokens.editor, bob.credential);
    const facilitator = await connect(current.id, tokens.facilitator);
    facilitator.sendStateless(JSON.stringify({ type: PEOPLE.remove, personId: bob.personId, name: 'Bob' }));
    await waitFor(
      async () => (await refusalWith(future.id, tokens.editor, bob.credential)) === RemovedFromBoard.reason,
      { what: 'the future board to refuse Bob' },
    );
    expect(await refusalWith(current.id, tokens.editor, bob.credential)).toBe(RemovedFromBoard.reason);
  });

  const refusalWith = async (boardId: string, token: string, credential: string) => {
    try {
      const p = await connectProvider(boards.server.wsUrl, boardId, { token, credential });
      p.destroy();
      return 'accepted';
    } catch (error) {
      return error instanceof ConnectionRefused ? error.reason : String(error);
    }
  };

  it('rotating a link of the current board closes it on the future board too, and the old token stops opening it', async () => {
    await boards.start(options());
    const { current, future, tokens } = await pair();
    const viewer = await connect(future.id, tokens.viewer);
    const closed = new Promise<string>((resolve) =>
      viewer.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    const res = await fetchAsPerson(
      `${boards.server.url}/api/boards/${current.id}/links/viewer/rotate`,
      tokens.facilitator,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    expect(await closed).toBe(LinkRotated.reason);
    expect(await refusalReason(boards.server.wsUrl, future.id, tokens.viewer)).toBe(Unauthorized.reason);
    const fresh = tokenFromFragment(
      new URL(((await res.json()) as BoardLinksResponse).links.viewer!, boards.server.url).hash,
    )!;
    await connect(future.id, fresh);
  });

  it('compares the two from either board, as JSON and Markdown, for a viewer; a note changed on the future shows', async () => {
    await boards.start(options());
    const { current, future, tokens } = await pair();
    const editor = await connect(future.id, tokens.editor);
    const pain = readBoard(editor.document).notes.find((n) => n.kind === 'pain')!;
    executeCommand(editor.document, ann, 'editNoteText', { noteId: pain.id, text: 'Fixed: one-click checkout' });
    executeCommand(editor.document, ann, 'deleteNotes', {
      noteIds: readBoard(editor.document)
        .notes.filter((n) => n.kind === 'pain' && n.id !== pain.id)
        .slice(0, 1)
        .map((n) => n.id as NoteId),
    });
    await waitForAck(editor);

    for (const boardId of [current.id, future.id]) {
      const res = await fetchAsPerson(`${boards.server.url}/api/boards/${boardId}/compare`, tokens.viewer);
      expect(res.status).toBe(200);
      const compare = (await res.json()) as StateComparison;
      expect(compare.current.id).toBe(current.id);
      expect(compare.future.id).toBe(future.id);
      const kept = compare.stages.flatMap((s) => s.pains.kept).find((p) => p.id === pain.id);
      expect(kept).toEqual({ id: pain.id, text: 'Fixed: one-click checkout', before: pain.text });
      expect(compare.totals.painsRemoved).toBe(1);
    }
    const md = await fetchAsPerson(`${boards.server.url}/api/boards/${future.id}/compare.md`, tokens.viewer);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain('Fixed: one-click checkout | kept (was');

    const alone = await createBoardWithLinks(boards.server.url);
    const none = await fetchAsPerson(`${boards.server.url}/api/boards/${alone.id}/compare`, alone.tokens.viewer);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('no-future-state');
    const states = await fetchAsPerson(`${boards.server.url}/api/boards/${alone.id}/future-state`, alone.tokens.viewer);
    expect(await states.json()).toEqual({ link: null });
  });
});
