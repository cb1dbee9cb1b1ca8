import type { Document, Hocuspocus } from '@hocuspocus/server';

/**
 * Runs the tasks of one board one after another (a promise chain per board); boards run in
 * parallel. Per process only: across instances the database serialises (VotingService).
 * Used by the services that answer stateless messages: voting and private writing.
 */
export class BoardQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(boardId) ?? Promise.resolve()).then(task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(boardId, settled);
    void settled.then(() => {
      if (this.tails.get(boardId) === settled) this.tails.delete(boardId);
    });
    return next;
  }
}

/**
 * Runs `fn` on the board's live document, opening it through a direct connection if nobody is on
 * it; `context` tells the other extensions who opened it (e.g. `{ voting: true }`).
 */
export async function withLiveDocument<T>(
  instance: Hocuspocus | null,
  boardId: string,
  fn: (doc: Document) => Promise<T>,
  context: Record<string, unknown>,
): Promise<T> {
  if (!instance) throw new Error('the service was used before attach()');
  const live = instance.documents.get(boardId);
  if (live) return fn(live);
  const connection = await instance.openDirectConnection(boardId, context);
  try {
    return await fn(connection.document!);
  } finally {
    await connection.disconnect();
  }
}
