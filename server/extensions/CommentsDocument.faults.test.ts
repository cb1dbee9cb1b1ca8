import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { executeCommentsCommand, readComments } from '../../shared/comments/index.ts';
import { parseStorageStatus, type StorageStatus } from '../../shared/protocol/storageStatus.ts';
import { loadBoardDocumentDoc } from '../storage/documentStorage.ts';
import { openSqliteRepositories } from '../repositories/Repositories.ts';
import { FlakyStore } from '../testing/flakyStore.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, makeTempDir, removeDir, startTestServer } from '../testing/testServer.ts';

const ann = { id: 'user-ann', name: 'Ann', department: 'sales' } as const;

/** The comments document keeps the board's guarantee: a failing store loses nothing. */
describe('the comments document when storage fails', () => {
  const cleanups = cleanupsAfterEach();

  it('stays in memory, says saving is delayed, and stores the comment once the store works', async () => {
    const dataDir = makeTempDir();
    cleanups.push(() => removeDir(dataDir));
    const inner = await openSqliteRepositories(dataDir);
    const flaky = new FlakyStore(inner);
    const server = await startTestServer(
      { dataDir },
      { store: flaky.store, saveRetry: { firstDelayMs: 20, maxDelayMs: 100 } },
    );
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url);
    const statuses: StorageStatus[] = [];
    const provider = await connectProvider(server.wsUrl, `${id}/comments`, {
      token: tokens.commenter,
      onStateless: (payload) => {
        const s = parseStorageStatus(payload);
        if (s) statuses.push(s);
      },
    });
    cleanups.push(() => provider.destroy());

    flaky.failing = true;
    const { threadId } = executeCommentsCommand(provider.document, ann, 'startThread', {
      target: { kind: 'board', id },
      text: 'Written while the disk is full',
    });
    await waitFor(() => statuses.some((s) => s.state === 'delayed'), { what: '"saving delayed"' });
    await waitForAck(provider);
    expect(flaky.refusedCount('appendBoardDocumentUpdate')).toBeGreaterThan(0);
    await waitFor(() => flaky.refusedCount('compactBoardDocumentIfCurrent') >= 2, { what: 'retried saves' });

    flaky.failing = false;
    await waitFor(() => statuses.some((s) => s.state === 'ok'), { what: '"saved again"' });
    const stored = await loadBoardDocumentDoc(inner, id, 'comments');
    expect(readComments(stored!.doc).threadsById.get(threadId)?.comments[0]?.text).toBe(
      'Written while the disk is full',
    );
  });
});
