import { afterEach, describe, expect, it } from 'vitest';
import { encodeConnectionToken } from '../../shared/protocol/identity.ts';
import { issueIdentity } from '../testing/identities.ts';
import { attemptAuth, openRawSocket } from '../testing/rawAuth.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

/**
 * Refused authentications are rate-limited per client address (AUTH_FAILURES_PER_ADDRESS) and per
 * board (AUTH_FAILURES_PER_BOARD, for addresses that have failed): past the limit an attempt is
 * answered `rate-limited` without a database read.
 */
describe('failed authentications are rate-limited', () => {
  let server: TestServer | undefined;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.close();
    await server?.close();
  });

  async function socketFrom(address: string): Promise<WebSocket> {
    const ws = await openRawSocket(server!.wsUrl, address);
    sockets.push(ws);
    return ws;
  }

  /** Counts the store's reads of share links and board rows: what a refused attempt costs. */
  function countReads(): () => number {
    const store = server!.server.store.boards;
    let reads = 0;
    const loadShareLinks = store.loadShareLinks.bind(store);
    const getBoardInfo = store.getBoardInfo.bind(store);
    store.loadShareLinks = (id) => (reads++, loadShareLinks(id));
    store.getBoardInfo = (id) => (reads++, getBoardInfo(id));
    return () => reads;
  }

  it('past AUTH_FAILURES_PER_ADDRESS an address is answered rate-limited at once, with no database read; other addresses still get in', async () => {
    server = await startTestServer({
      trustProxy: true,
      limits: { authFailuresPerAddress: 3, authFailuresPerBoard: 1000 },
    });
    const board = await createBoardWithLinks(server.url);
    const reads = countReads();
    const attacker = await socketFrom('198.51.100.1');
    const wrong = encodeConnectionToken({ link: 'wrong', credential: null });
    for (let i = 0; i < 3; i++) expect(await attemptAuth(attacker, board.id, wrong, `w${i}`)).toBe('unauthorized');
    const readsBefore = reads();
    expect(await attemptAuth(attacker, board.id, wrong, 'w3')).toBe('rate-limited');
    expect(await attemptAuth(attacker, 'someotherboard1', wrong, 'w4')).toBe('rate-limited');
    expect(reads()).toBe(readsBefore);

    const person = await issueIdentity(server.wsUrl, board.id, board.tokens.editor);
    const right = encodeConnectionToken({ link: board.tokens.editor, credential: person!.credential });
    expect(await attemptAuth(await socketFrom('198.51.100.2'), board.id, right, 'r')).toBeNull();
  });

  it('a board attacked from many addresses still lets in a room that never sent a wrong link', async () => {
    server = await startTestServer({
      trustProxy: true,
      limits: { authFailuresPerAddress: 3, authFailuresPerBoard: 4 },
    });
    const board = await createBoardWithLinks(server.url);
    const wrong = encodeConnectionToken({ link: 'wrong', credential: null });
    const first = await socketFrom('198.51.100.1');
    const second = await socketFrom('198.51.100.2');
    for (let i = 0; i < 2; i++) expect(await attemptAuth(first, board.id, wrong, `a${i}`)).toBe('unauthorized');
    for (let i = 0; i < 2; i++) expect(await attemptAuth(second, board.id, wrong, `b${i}`)).toBe('unauthorized');
    // Both still have a failure left of their own, but the board has none for them.
    expect(await attemptAuth(first, board.id, wrong, 'a2')).toBe('rate-limited');

    const person = await issueIdentity(server.wsUrl, board.id, board.tokens.editor);
    const right = encodeConnectionToken({ link: board.tokens.editor, credential: person!.credential });
    expect(await attemptAuth(await socketFrom('192.0.2.10'), board.id, right, 'room')).toBeNull();
  });
});
