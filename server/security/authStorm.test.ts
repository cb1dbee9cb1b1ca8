import { afterEach, describe, expect, it } from 'vitest';
import { encodeConnectionToken } from '../../shared/protocol/identity.ts';
import { attemptAuth, openRawSocket, storeBigBoard } from '../testing/rawAuth.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, grantLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const SOCKETS = 40;
const ATTEMPTS_PER_SOCKET = 5;
const NOTES = 2_800;
const ATTACKER = '203.0.113.66';

/** Wrong in every way a stranger can be: no token, not JSON, no link, a link of the wrong shape or value. */
function wrongToken(socket: number, attempt: number): string {
  const kinds = [
    '',
    'not-json',
    encodeConnectionToken({ link: '', credential: null }),
    encodeConnectionToken({ link: `guess-${socket}-${attempt}`, credential: 'jbc_forged' }),
    encodeConnectionToken({ link: 'A'.repeat(43), credential: null }),
  ];
  return kinds[attempt % kinds.length]!;
}

/**
 * Board ids are not secret (they travel in export links), so anyone may try one with a wrong
 * token, as often as they like. Such an attempt must cost a hash lookup, never a decode of the
 * stored board, and the server must keep answering everyone else while a crowd of them arrives.
 */
describe('a wrong token costs nothing', () => {
  let server: TestServer | undefined;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.close();
    await server?.close();
  });

  it('40 sockets × 5 wrong tokens on an unopened big board are all refused, the board is never decoded, and /healthz and another board answer meanwhile', async () => {
    // The storm comes from one address (behind a proxy we trust), the bystander from another.
    server = await startTestServer({ trustProxy: true });
    const store = server.server.store;
    const target = 'stormtarget01';
    await storeBigBoard(store, target, NOTES);
    await grantLinks(store, target);
    const other = await createBoardWithLinks(server.url);
    const loads: string[] = [];
    const loadBoard = store.boards.loadBoard.bind(store.boards);
    store.boards.loadBoard = (boardId) => (loads.push(boardId), loadBoard(boardId));

    sockets.push(...(await Promise.all(Array.from({ length: SOCKETS }, () => openRawSocket(server!.wsUrl, ATTACKER)))));
    const answers: (string | null)[] = [];
    for (const [s, ws] of sockets.entries()) {
      for (let a = 0; a < ATTEMPTS_PER_SOCKET; a++)
        void attemptAuth(ws, target, wrongToken(s, a), `s${a}`).then((reason) => answers.push(reason));
    }
    // Asked while the storm is being answered.
    const health = fetch(`${server.url}/healthz`).then((res) => res.status);
    const bystander = connectProvider(server.wsUrl, other.id, { token: other.tokens.editor });

    expect(await health).toBe(200);
    const provider = await bystander;
    expect(provider.isSynced).toBe(true);
    provider.destroy();
    await waitFor(() => answers.length === SOCKETS * ATTEMPTS_PER_SOCKET, { what: 'an answer to every attempt' });
    expect(new Set(answers)).toEqual(new Set(['unauthorized', 'rate-limited']));
    expect(loads).not.toContain(target);
    expect(server.server.hocuspocus.documents.has(target)).toBe(false);
  });
});
