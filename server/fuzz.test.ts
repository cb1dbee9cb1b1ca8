import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard, readMeta } from '../shared/index.ts';
import { createPrng } from '../shared/testing/prng.ts';
import { recordsMap } from '../shared/doc/boardDoc.ts';
import { recordRepair } from '../shared/schema/recordRepairs.ts';
import { connectionTokenFor } from './testing/identities.ts';
import { connectProvider, waitFor, waitForAck } from './testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from './testing/testServer.ts';

/**
 * A bounded fuzz run against a real server on 127.0.0.1: random frames, frames with a valid
 * header and random bodies, and random or mutated Yjs updates from authenticated sockets. A fixed
 * count (seeded, so a failure replays) and a time bound. Afterwards the server answers, other
 * boards are intact, the target board is valid, and no connection or document is left behind.
 */
const FRAMES = 600;
const TIME_LIMIT_MS = 20_000;
const HOSTILE_UPDATES = 200;

const MSG_SYNC = 0;
const MSG_AUTH = 2;

function frame(write: (e: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  write(e);
  return new Uint8Array(encoding.toUint8Array(e));
}
const authFrame = (doc: string, token: string) =>
  frame((e) => {
    encoding.writeVarString(e, doc);
    encoding.writeVarUint(e, MSG_AUTH);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
const updateFrame = (doc: string, update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarString(e, doc);
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => resolve(ws));
    ws.addEventListener('error', () => reject(new Error('socket failed to open')));
  });
}

describe('fuzz: malformed frames and random updates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { updateRate: 10_000, updateBurst: 10_000 } });
  });
  afterAll(async () => server.close());

  it('the server stays up, closes bad connections, and other boards are intact', async () => {
    const random = createPrng(20261124);
    const target = await createBoardWithLinks(server.url, { template: 'ecommerce', title: 'Target' });
    const bystander = await createBoardWithLinks(server.url, { template: 'b2b-saas-onboarding', title: 'Bystander' });
    const watcher = await connectProvider(server.wsUrl, bystander.id, { token: bystander.tokens.editor });
    const before = readBoard(watcher.document);
    const heapBefore = process.memoryUsage().heapUsed;

    // A real update of the target board to mutate.
    const sample = new Y.Doc();
    const donor = await connectProvider(server.wsUrl, target.id, { token: target.tokens.editor, document: sample });
    const { stages, lanes } = readBoard(sample);
    let realUpdate: Uint8Array = new Uint8Array();
    sample.once('update', (u: Uint8Array) => (realUpdate = u));
    executeCommand(sample, { id: 'f', name: 'F', department: 'other' }, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'seed',
    });
    await waitForAck(donor);
    donor.destroy();
    // One editor's identity for every raw socket that authenticates (a real credential: the frames are what is hostile).
    const editorAuth = await connectionTokenFor(server.wsUrl, target.id, target.tokens.editor);

    const started = Date.now();
    const sockets: WebSocket[] = [];
    let sent = 0;
    while (sent < FRAMES && Date.now() - started < TIME_LIMIT_MS) {
      const ws = await openSocket(server.wsUrl);
      sockets.push(ws);
      const authed = random.next() < 0.6;
      if (authed) ws.send(authFrame(target.id, editorAuth));
      for (let i = 0; i < 20 && sent < FRAMES; i++, sent++) {
        const kind = random.int(0, 4);
        const bytes = new Uint8Array(random.int(0, 300)).map(() => random.int(0, 256));
        if (kind === 0)
          ws.send(bytes); // pure noise
        else if (kind === 1)
          ws.send(
            frame(
              (e) => (
                encoding.writeVarString(e, target.id),
                encoding.writeVarUint(e, random.int(0, 40)),
                encoding.writeUint8Array(e, bytes)
              ),
            ),
          );
        else if (kind === 2)
          ws.send(updateFrame(target.id, bytes)); // random Yjs update
        else {
          const mutated = realUpdate.slice();
          for (let k = 0; k < 3; k++) mutated[random.int(0, mutated.length)] = random.int(0, 256);
          ws.send(updateFrame(target.id, mutated));
        }
      }
    }
    expect(sent).toBe(FRAMES);

    // Valid Yjs updates with hostile content, from an authenticated editor: random values under
    // records and meta, records of the wrong type, a root used as another type.
    const hostile = await openSocket(server.wsUrl);
    sockets.push(hostile);
    hostile.send(authFrame(target.id, editorAuth));
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(sample));
    const values = (): unknown[] => [
      random.int(-5, 5),
      'x'.repeat(random.int(0, 3000)),
      null,
      true,
      { a: 1 },
      [1, 2],
      new Y.Text('t'),
      new Y.Map(),
      new Y.Array(),
    ];
    for (let i = 0; i < HOSTILE_UPDATES; i++) {
      const before = Y.encodeStateVector(scratch);
      scratch.transact(() => {
        const records = scratch.getMap<unknown>('records');
        const keys = [...records.keys()];
        const pick = <T>(list: T[]) => list[random.int(0, list.length - 1)]!;
        const choice = random.int(0, 4);
        if (choice === 0 && keys.length) {
          const rec = records.get(pick(keys));
          if (rec instanceof Y.Map)
            rec.set(
              pick(['text', 'position', 'kind', 'id', 'typeName', 'name', 'index', 'colour', 'sentiment', 'zzz']),
              pick(values()),
            );
        } else if (choice === 1)
          records.set(pick(['note:', 'stage:', 'lane:', 'x:']) + random.int(0, 99), pick(values()));
        else if (choice === 2)
          scratch.getMap('meta').set(pick(['title', 'boardId', 'schemaVersion', 'createdAt', 'other']), pick(values()));
        else if (choice === 3 && keys.length) records.delete(pick(keys));
      });
      hostile.send(updateFrame(target.id, Y.encodeStateAsUpdate(scratch, before)));
      if (i % 50 === 0) {
        // Another client's view of the same roots with other types: "records" as an array, "meta" as text.
        const alien = new Y.Doc();
        alien.getArray('records').insert(0, [random.int(0, 9), 'x']);
        alien.getText('meta').insert(0, 'not a map');
        hostile.send(updateFrame(target.id, Y.encodeStateAsUpdate(alien)));
      }
    }
    // Every hostile update was applied (and repaired) before the sockets go.
    await waitFor(
      () => {
        const live = server.server.hocuspocus.documents.get(target.id);
        return live && Y.getState(live.store, scratch.clientID) === Y.getState(scratch.store, scratch.clientID);
      },
      { what: 'the hostile updates to arrive' },
    );
    for (const ws of sockets) ws.close();
    await waitFor(() => sockets.every((ws) => ws.readyState === WebSocket.CLOSED), {
      what: 'the fuzz sockets to close',
    });

    // The server answers, the bystander board is untouched and still live.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(readBoard(watcher.document).notes.map((n) => n.text)).toEqual(before.notes.map((n) => n.text));
    executeCommand(watcher.document, { id: 'w', name: 'W', department: 'sales' }, 'renameBoard', {
      title: 'Bystander still fine',
    });
    await waitForAck(watcher);

    // The target board still opens, and every record in it is valid.
    const fresh = await connectProvider(server.wsUrl, target.id, { token: target.tokens.viewer });
    expect(readMeta(fresh.document).boardId).toBe(target.id);
    // ('ok' includes: no typeName or id field, which schema 6 does not store.)
    recordsMap(fresh.document).forEach((value, key) => expect(recordRepair(key, value).kind, key).toBe('ok'));
    fresh.destroy();
    watcher.destroy();

    // Nothing left behind: no connections, and the heap back near where it started.
    await waitFor(() => server.server.hocuspocus.getConnectionsCount() === 0, { what: 'connections to be released' });
    globalThis.gc?.();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});
