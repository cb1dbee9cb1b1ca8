import { type Repositories, openSqliteRepositories } from '../repositories/Repositories.ts';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Connection } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { holdAcknowledgements } from './heldAcks.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardOverHttp, makeTempDir, removeDir, startTestServer } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

/** A real SQLite store whose log appends wait while `held` is set (a slow disk). */
function slowAppends(inner: Repositories) {
  const control = { held: null as Promise<void> | null, appends: 0 };
  const boards = new Proxy(inner.boards, {
    get: (target, prop, receiver) => {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'appendUpdate') return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        control.appends++;
        await control.held;
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { store: { ...inner, boards }, control };
}

/** Counts the document updates the server sends this provider (its broadcasts, echoes included). */
function countUpdatesReceived(provider: HocuspocusProvider): { count: number } {
  const received = { count: 0 };
  provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === 0 /* Sync */ && decoding.readVarUint(decoder) === 2 /* update */)
      received.count++;
  });
  return received;
}

/**
 * Guards server/persistence/heldAcks.ts, which relies on how Hocuspocus 4 acknowledges an update
 * (a SyncStatus message through `connection.send`, right after applying it). If Hocuspocus
 * changes that, acknowledgements stop waiting for the log and this test fails.
 */
describe('acknowledgements wait for the update log', () => {
  const cleanups = cleanupsAfterEach();

  it('an edit is applied and broadcast at once, but acknowledged only once its log row is written', async () => {
    const dataDir = makeTempDir();
    cleanups.push(() => removeDir(dataDir));
    const inner = await openSqliteRepositories(dataDir);
    const { store, control } = slowAppends(inner);
    const server = await startTestServer({ dataDir }, { store });
    cleanups.push(() => server.close());
    const boardId = await createBoardOverHttp(server.url, { template: 'ecommerce' });
    const a = await connectProvider(server.wsUrl, boardId);
    cleanups.push(() => a.destroy());
    const updates = countUpdatesReceived(a);

    let release!: () => void;
    control.held = new Promise((resolve) => (release = resolve));
    const before = control.appends;
    const { stages, lanes } = readBoard(a.document);
    const note = executeCommand(a.document, ann, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'Held until stored',
    });

    // The server broadcasts the applied edit (back to its author too) after it would have sent the
    // acknowledgement on the same socket: once the echo is here, an unheld acknowledgement would be.
    await waitFor(() => updates.count > 0 && control.appends > before, {
      what: 'the broadcast and the append to start',
    });
    expect(readBoard(server.server.hocuspocus.documents.get(boardId)!).notesById.has(note)).toBe(true);
    expect(a.unsyncedChanges).toBe(1);

    release();
    await waitForAck(a);
    const stored = await loadBoardDoc(inner, boardId);
    expect(readBoard(stored!.doc).notesById.has(note)).toBe(true);
    stored!.doc.destroy();
  });
});

describe('holdAcknowledgements', () => {
  const address = 'board0000001';
  const message = (type: number, ...rest: number[]) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, address);
    encoding.writeVarUint(encoder, type);
    rest.forEach((n) => encoding.writeVarUint(encoder, n));
    return encoding.toUint8Array(encoder);
  };
  const ack = message(8, 1);
  const update = message(0, 2, 1);
  const fakeConnection = () => {
    const sent: Uint8Array[] = [];
    const connection = { messageAddress: address, send: (m: Uint8Array) => void sent.push(m) } as unknown as Connection;
    return { connection, sent };
  };
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('holds acknowledgements until the pending rows are written, in order; other messages go at once', async () => {
    const { connection, sent } = fakeConnection();
    let pending: Promise<void> | null = null;
    holdAcknowledgements(connection, () => pending);

    connection.send(ack); // nothing pending, nothing held: at once
    expect(sent).toEqual([ack]);

    const first = deferred();
    pending = first.promise;
    const firstAck = message(8, 1);
    connection.send(firstAck);
    pending = null;
    const secondAck = message(8, 0);
    connection.send(secondAck); // nothing of its own to wait for, but behind the held one
    connection.send(update);
    expect(sent).toEqual([ack, update]);

    first.resolve();
    await waitFor(() => sent.length === 4, { what: 'the held acknowledgements' });
    expect(sent[2]).toBe(firstAck);
    expect(sent[3]).toBe(secondAck);
  });

  it('is installed once per connection', () => {
    const { connection, sent } = fakeConnection();
    const never = new Promise<void>(() => {});
    holdAcknowledgements(connection, () => never);
    holdAcknowledgements(connection, () => null);
    connection.send(ack);
    expect(sent).toEqual([]);
  });
});
