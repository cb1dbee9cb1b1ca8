import type { Repositories } from '../repositories/Repositories.ts';
import type * as Y from 'yjs';
import { CorruptBoardError } from '../storage/BoardStore.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError.ts';
import type { LiveDocuments } from './httpEnv.ts';
import { log } from '../observability/log.ts';

/**
 * Runs `read` on the board's document: the live one when the board is loaded (it may be ahead of
 * what is stored), else one decoded from storage for this request and destroyed after it.
 * 404 for an unknown board, 500 `board-unreadable` for stored data that does not decode.
 */
export async function withBoardDoc<T>(
  store: Repositories,
  live: Pick<LiveDocuments, 'liveDocument'>,
  boardId: string,
  read: (doc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const doc = live.liveDocument(boardId);
  if (doc) return read(doc);
  let loaded: Awaited<ReturnType<typeof loadBoardDoc>>;
  try {
    loaded = await loadBoardDoc(store, boardId);
  } catch (error) {
    if (!(error instanceof CorruptBoardError)) throw error;
    log.error({ board: boardId, err: error }, 'board data cannot be read');
    throw new HttpError(500, 'board-unreadable', `Board ${boardId} exists but its stored data cannot be read`);
  }
  if (!loaded) throw new HttpError(404, 'not-found', `There is no board "${boardId}"`);
  try {
    return await read(loaded.doc);
  } finally {
    loaded.doc.destroy();
  }
}

/**
 * The origin the caller reached us at, for deep links in exports: `X-Forwarded-Proto` (http or
 * https only) and the Host header. A spoofed Host only changes the links of the spoofer's own file.
 */
export function requestOrigin(req: IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]!
    .trim();
  const proto =
    forwarded === 'https' || forwarded === 'http'
      ? forwarded
      : 'encrypted' in req.socket && req.socket.encrypted
        ? 'https'
        : 'http';
  const host = /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(req.headers.host ?? '') ? req.headers.host! : 'localhost';
  return `${proto}://${host}`;
}
