import { HocuspocusProvider } from '@hocuspocus/provider';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../../server/testing/cleanups.ts';
import * as Y from 'yjs';
import { executeCommand, readBoard, type NoteId } from '../../shared/index.ts';
// The failover is client code, exercised here against real servers (test helpers only).
import { loadBoardDoc } from '../../server/storage/boardState.ts';
import { connectProvider, waitFor, waitForAck } from '../../server/testing/providers.ts';
import { connectionTokenFor } from '../../server/testing/identities.ts';
import { startTwoInstances } from '../../server/testing/twoInstances.ts';
import { createBoardWithLinks, type TestServer } from '../../server/testing/testServer.ts';
import { attachFailover, serverUrls, withBoard } from './serverFailover.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('serverUrls', () => {
  const page = { host: 'board.example', search: '' };

  it('defaults to the page’s own server, with the board id for load balancers', () => {
    expect(serverUrls(page, 'wss://board.example/collab', 'abc123')).toEqual([
      'wss://board.example/collab?board=abc123',
    ]);
  });

  it('reads ?servers=, keeping only ws(s) URLs on the page’s host and port (a crafted link cannot send the token elsewhere)', () => {
    const search = `?servers=${encodeURIComponent('wss://board.example/i/a/collab, wss://evil.example/collab,https://board.example/x,nonsense,wss://board.example:9000/collab,wss://board.example/i/b/collab')}`;
    expect(serverUrls({ ...page, search }, 'wss://board.example/collab', 'b1')).toEqual([
      'wss://board.example/i/a/collab?board=b1',
      'wss://board.example/i/b/collab?board=b1',
    ]);
    // Nothing usable: the page's own server.
    expect(
      serverUrls({ ...page, search: '?servers=wss://evil.example/collab' }, 'wss://board.example/collab', 'b1'),
    ).toEqual(['wss://board.example/collab?board=b1']);
  });

  it('withBoard keeps the rest of the URL', () => {
    expect(withBoard('ws://127.0.0.1:5/collab?x=1', 'b2')).toBe('ws://127.0.0.1:5/collab?x=1&board=b2');
  });
});

/** Real providers switching between two real instances (PostgreSQL + Redis). */
describe('failover between server instances', () => {
  const cleanups = cleanupsAfterEach();

  // Closing an instance a test already stopped is a no-op.
  const instances = () => startTwoInstances(cleanups);
  /** A provider as connectBoard makes one: the first URL, then attachFailover. */
  const failoverProvider = (urls: string[], boardId: string, token: string) => {
    const document = new Y.Doc();
    const provider = new HocuspocusProvider({ url: urls[0]!, name: boardId, document, token });
    const switched: string[] = [];
    const failover = attachFailover(provider.configuration.websocketProvider, urls, (url) => switched.push(url));
    cleanups.push(() => {
      failover.detach();
      provider.destroy();
    });
    return { provider, document, switched };
  };
  const addNote = (doc: Y.Doc, text: string): NoteId => {
    const { stages, lanes } = readBoard(doc);
    return executeCommand(doc, ann, 'addNote', { stageId: stages[0]!.id, laneId: lanes[0]!.id, text });
  };
  const synced = (provider: HocuspocusProvider) =>
    waitFor(() => provider.isSynced, { what: 'the provider to sync', timeoutMs: 20_000 });
  const stored = async (server: TestServer, boardId: string) => {
    const loaded = await loadBoardDoc(server.server.store, boardId);
    const board = readBoard(loaded!.doc);
    loaded!.doc.destroy();
    return board;
  };

  it('an unreachable first URL: the provider moves on to the next one', async () => {
    const { b } = await instances();
    const { id, tokens } = await createBoardWithLinks(b.url, { template: 'ecommerce' });
    const dead = 'ws://127.0.0.1:1/collab'; // nothing listens on port 1
    const { provider, switched } = failoverProvider(
      [withBoard(dead, id), withBoard(b.wsUrl, id)],
      id,
      await connectionTokenFor(b.wsUrl, id, tokens.editor),
    );
    await synced(provider);
    expect(switched[0]).toBe(withBoard(b.wsUrl, id));
  });

  it('stop A: its client moves to B, and nothing is lost (edits made while no server answered included)', async () => {
    const { a, b } = await instances();
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const { provider, document, switched } = failoverProvider(
      [withBoard(a.wsUrl, id), withBoard(b.wsUrl, id)],
      id,
      await connectionTokenFor(a.wsUrl, id, tokens.editor),
    );
    await synced(provider);
    const watcher = await connectProvider(b.wsUrl, id, { token: tokens.viewer }); // someone on B all along
    cleanups.push(() => watcher.destroy());

    const before = addNote(document, 'Acknowledged by A');
    await waitForAck(provider);
    await a.close();
    const during = addNote(document, 'Written while A was going away'); // no server acknowledges this yet
    await waitFor(() => switched.length > 0, { what: 'the provider to switch servers', timeoutMs: 20_000 });
    expect(switched[0]).toBe(withBoard(b.wsUrl, id));
    await synced(provider);
    const after = addNote(document, 'Written on B');
    await waitFor(() => !provider.hasUnsyncedChanges, { what: 'B to acknowledge everything', timeoutMs: 20_000 });

    await waitFor(() => [before, during, after].every((n) => readBoard(watcher.document).notesById.has(n)), {
      what: 'the client on B to see all three',
    });
    const board = await stored(b, id);
    for (const note of [before, during, after]) expect(board.notesById.get(note)?.text, note).toBeTruthy();
  });
});
