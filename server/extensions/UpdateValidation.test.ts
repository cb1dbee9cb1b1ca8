import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { InvalidMessage } from '../../shared/protocol/closeReasons.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { connectionTokenFor } from '../testing/identities.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const MSG_SYNC = 0;
const MSG_AUTH = 2;
const MSG_SYNC_REPLY = 4;
const MSG_CLOSE = 7;
const SYNC_UPDATE = 2;

function frame(write: (e: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  write(e);
  return new Uint8Array(encoding.toUint8Array(e));
}

describe('UpdateValidation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  // Yjs reads and integrates an update's structs before it reads its delete set: an update cut
  // in its delete set would be half applied (and logged) if nothing decoded it first. Hocuspocus
  // applies the update of a SyncReply message as it does a Sync message's.
  it.each([
    ['sync', MSG_SYNC],
    ['sync reply', MSG_SYNC_REPLY],
  ])('refuses an update cut in its delete set, sent as a %s message, before any of it is applied', async (_, type) => {
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Cut' });
    const watcher = await connectProvider(server.wsUrl, id, { token: tokens.viewer }); // keeps the board loaded
    const editorAuth = await connectionTokenFor(server.wsUrl, id, tokens.editor);

    const scratch = new Y.Doc();
    const text = scratch.getText('cut');
    text.insert(0, 'abc');
    text.delete(1, 1); // a delete set
    const whole = Y.encodeStateAsUpdate(scratch);
    const cut = whole.slice(0, whole.length - 1);
    expect(() => Y.decodeUpdate(cut)).toThrow();

    const ws = new WebSocket(server.wsUrl);
    ws.binaryType = 'arraybuffer';
    await new Promise(
      (resolve, reject) => (ws.addEventListener('open', resolve), ws.addEventListener('error', reject)),
    );
    // Hocuspocus closes the document's connection (not the shared socket) with a Close message.
    const closed = new Promise<string>((resolve) =>
      ws.addEventListener('message', (e) => {
        const decoder = decoding.createDecoder(new Uint8Array(e.data as ArrayBuffer));
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) === MSG_CLOSE) resolve(decoding.readVarString(decoder));
      }),
    );
    ws.send(
      frame(
        (e) => (
          encoding.writeVarString(e, id),
          encoding.writeVarUint(e, MSG_AUTH),
          encoding.writeVarUint(e, 0),
          encoding.writeVarString(e, editorAuth)
        ),
      ),
    );
    ws.send(
      frame(
        (e) => (
          encoding.writeVarString(e, id),
          encoding.writeVarUint(e, type),
          encoding.writeVarUint(e, SYNC_UPDATE),
          encoding.writeVarUint8Array(e, cut)
        ),
      ),
    );

    const live = server.server.hocuspocus.documents.get(id)!;
    const halfApplied = waitFor(() => Y.getState(live.store, scratch.clientID) > 0, {
      what: 'part of the update to be applied',
    }).then(() => 'half applied');
    expect(await Promise.race([closed, halfApplied.catch(() => new Promise<never>(() => undefined))])).toBe(
      InvalidMessage.reason,
    );
    expect(Y.getState(live.store, scratch.clientID)).toBe(0);
    const stored = (await loadBoardDoc(server.server.store, id))!.doc;
    expect(Y.getState(stored.store, scratch.clientID)).toBe(0);
    watcher.destroy();
    ws.close();
  });
});
