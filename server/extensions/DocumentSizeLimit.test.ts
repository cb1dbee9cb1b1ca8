import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard, readMeta } from '../../shared/index.ts';
import { BoardTooLarge } from '../../shared/protocol/closeReasons.ts';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { connectProvider, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { updateSize } from './DocumentSizeLimit.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('DocumentSizeLimit', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('reads the update size of sync messages only', () => {
    expect(updateSize(new Uint8Array([1, 0x61, 1, 0]))).toBe(0); // awareness
    expect(() => updateSize(new Uint8Array([5]))).toThrow();
  });

  it('refuses an update that would pass MAX_DOCUMENT_BYTES with board-too-large; the board and others are unharmed', async () => {
    server = await startTestServer({ limits: { maxDocumentBytes: 16 * 1024 } });
    const { id, tokens } = await createBoardWithLinks(server.url, { title: 'Small' });
    const other = await createBoardWithLinks(server.url, { title: 'Other' });
    const watcher = await connectProvider(server.wsUrl, id, { token: tokens.viewer }); // keeps the board loaded
    const big = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const closed = new Promise<string>((resolve) =>
      big.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    // Bypasses the commands' own length check, as a hostile client would.
    big.document.transact(() => {
      const rec = new Y.Map<unknown>();
      rec.set('junk', 'x'.repeat(32 * 1024));
      recordsMap(big.document).set('note:huge', rec as never);
    });
    expect(await closed).toBe(BoardTooLarge.reason);
    expect(recordsMap(server.server.hocuspocus.documents.get(id)!).has('note:huge')).toBe(false);
    expect(recordsMap((await loadBoardDoc(server.server.store, id))!.doc).has('note:huge')).toBe(false);
    big.destroy();

    const fine = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const { stages, lanes } = readBoard(fine.document);
    executeCommand(fine.document, ann, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'small is fine',
    });
    await waitForAck(fine);
    fine.destroy();
    const elsewhere = await connectProvider(server.wsUrl, other.id, { token: other.tokens.editor });
    expect(readMeta(elsewhere.document).title).toBe('Other');
    elsewhere.destroy();
    watcher.destroy();
  });
});
