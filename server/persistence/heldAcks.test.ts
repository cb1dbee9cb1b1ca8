import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardOverHttp, makeTempDir, removeDir, startTestServer } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

/** A real SQLite store whose log appends wait while `held` is set (a slow disk). */
function slowAppends(inner: BoardStore) {
  const control = { held: null as Promise<void> | null, appends: 0 };
  const store = new Proxy(inner, {
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
  return { store, control };
}

/** Counts the document updates the server sends this provider (its broadcasts, echoes included). */
function countUpdatesReceived(provider: HocuspocusProvider): { count: number } {
  const received = { count: 0 };
  provider.on('message', ({ event }: { event: MessageEvent }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === 0 /* Sync */ && decoding.readVarUint(decoder) === 2 /* update */) received.count++;
  });
  return received;
}

/**
 * Guards server/persistence/heldAcks.ts, which relies on how Hocuspocus 4 acknowledges an update
 * (a SyncStatus message through `connection.send`, right after applying it). If Hocuspocus
 * changes that, acknowledgements stop waiting for the log and this test fails.
 */
describe('acknowledgements wait for the update log', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('an edit is applied and broadcast at once, but acknowledged only once its log row is written', async () => {
    const dataDir = makeTempDir();
    cleanups.push(() => removeDir(dataDir));
    const inner = SqliteBoardStore.open(dataDir);
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
    const note = executeCommand(a.document, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Held until stored' });

    // The server broadcasts the applied edit (back to its author too) after it would have sent the
    // acknowledgement on the same socket: once the echo is here, an unheld acknowledgement would be.
    await waitFor(() => updates.count > 0 && control.appends > before, { what: 'the broadcast and the append to start' });
    expect(readBoard(server.server.hocuspocus.documents.get(boardId)!).notesById.has(note)).toBe(true);
    expect(a.unsyncedChanges).toBe(1);

    release();
    await waitForAck(a);
    const stored = await loadBoardDoc(inner, boardId);
    expect(readBoard(stored!.doc).notesById.has(note)).toBe(true);
    stored!.doc.destroy();
  });
});
