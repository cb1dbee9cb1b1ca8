import { afterEach, describe, expect, it } from 'vitest';
import { MessageTooBig } from '../../shared/protocol/closeReasons.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardOverHttp, startTestServer, type TestServer } from '../testing/testServer.ts';

/** Opens a raw WebSocket and reports how it ended: 'open' (then closed by us) or the close code. */
function socketOutcome(url: string, onOpen?: (ws: WebSocket) => void): Promise<{ opened: boolean; code: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let opened = false;
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => {
      opened = true;
      onOpen?.(ws);
    });
    ws.addEventListener('close', (event) => resolve({ opened, code: event.code }));
  });
}

describe('CollabUpgrade', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('upgrades /collab only', async () => {
    server = await startTestServer();
    const base = server.url.replace(/^http/, 'ws');
    expect(await socketOutcome(`${base}/elsewhere`)).toMatchObject({ opened: false });
    expect(await socketOutcome(`${base}/`)).toMatchObject({ opened: false });
    expect(await socketOutcome(server.wsUrl, (ws) => ws.close(1000))).toMatchObject({ opened: true });
  });

  it('closes a socket that sends a message over MAX_MESSAGE_BYTES with 1009', async () => {
    server = await startTestServer({ maxMessageBytes: 64 * 1024 });
    const outcome = await socketOutcome(server.wsUrl, (ws) => ws.send(new Uint8Array(100 * 1024)));
    expect(outcome).toEqual({ opened: true, code: MessageTooBig.code });
  });

  it('close() ends the open WebSockets, not only the documents', async () => {
    server = await startTestServer();
    const boardId = await createBoardOverHttp(server.url);
    const provider = await connectProvider(server.wsUrl, boardId);
    const closed = new Promise((resolve) => provider.on('disconnect', resolve));
    await server.close();
    await closed;
    provider.destroy();
    await waitFor(() => server.server.hocuspocus.getDocumentsCount() === 0, { what: 'documents to unload' });
  });
});
