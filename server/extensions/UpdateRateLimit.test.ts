import { afterEach, describe, expect, it } from 'vitest';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { RateLimited } from '../../shared/protocol/closeReasons.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { TokenBucket } from '../live/tokenBucket.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;

describe('UpdateRateLimit', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('a token bucket allows a burst, then the refill rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(50)).toBe(false); // half a token
    expect(bucket.take(100)).toBe(true); // 100 ms at 10/s = one token
    expect(bucket.take(10_000)).toBe(true);
  });

  it('a flooding connection is closed with rate-limited; another client on the same board carries on', async () => {
    server = await startTestServer({ limits: { updateRate: 5, updateBurst: 20 } });
    const { id, tokens } = await createBoardWithLinks(server.url);
    const calm = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const flood = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const closed = new Promise<string>((resolve) =>
      flood.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    for (let i = 0; i < 60; i++) executeCommand(flood.document, ann, 'renameBoard', { title: `Spam ${i}` });
    expect(await closed).toBe(RateLimited.reason);

    const { stages, lanes } = readBoard(calm.document);
    const noteId = executeCommand(calm.document, ann, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'calm',
    });
    await waitForAck(calm);
    await waitFor(() => readBoard(server.server.hocuspocus.documents.get(id)!).notesById.has(noteId), {
      what: 'the calm edit',
    });
    calm.destroy();
    flood.destroy();
  });
});
