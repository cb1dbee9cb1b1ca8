/**
 * The page's first script, a small chunk with nothing else to load (vite.config.ts puts it before
 * the app): on a board's page it starts downloading the board (GET /api/boards/:id/state), so the
 * ~2 MB of a big board arrive while the app's ~1 MB of scripts load and run, not over the
 * WebSocket after them. connectBoard takes the download once, applies it, then connects.
 * Not on a return visit: a board this device holds a copy of (localCopyMark.ts) opens from it.
 */

import { BOARD_STATE_TYPE, boardStatePath } from '../../shared/protocol/boardState.ts';
import { CREDENTIAL_HEADER } from '../../shared/protocol/credentials.ts';
import { isShareToken, tokenFromFragment } from '../../shared/protocol/roles.ts';
import { credentialThrough } from './deviceCredential.ts';
import { hasLocalCopy } from './localCopyMark.ts';

/** `/b/<id>`: the board route (App.tsx). */
export function boardIdFromPath(pathname: string): string | null {
  return /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname)?.[1] ?? null;
}

/** Where boardTokens.ts keeps the share tokens of boards opened before, by board id. */
export const BOARD_TOKENS_KEY = 'journeyboard.tokens';

/**
 * Past this the WebSocket goes ahead without the download: a stuck request must not hold it.
 * Generous, because on a slow line the compressed download is still the faster way (a
 * 5,000-note board is ~0.23 MB here and 2.1 MB over the WebSocket).
 */
export const PREFETCH_TIMEOUT_MS = 15_000;

let pending: { readonly boardId: string; readonly state: Promise<Uint8Array | null> } | null = null;

export function prefetchBoard(
  location: Pick<Location, 'pathname' | 'hash'> = window.location,
  storage: Storage = window.localStorage,
): void {
  const boardId = boardIdFromPath(location.pathname);
  const token = boardId && linkToken(location.hash, boardId, storage);
  if (!boardId || !token) return;
  // A return visit paints from this device's copy and syncs only what changed since.
  if (hasLocalCopy(boardId, storage)) return;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PREFETCH_TIMEOUT_MS);
  // The download is bound to a person like every board call: a first visit gets its identity
  // first (the app then finds it stored, or shares this request), a later one sends the stored one.
  const state = credentialThrough(boardId, token, storage)
    .then(({ credential }) =>
      fetch(boardStatePath(boardId), {
        headers: { Authorization: `Bearer ${token}`, [CREDENTIAL_HEADER]: credential },
        cache: 'no-store',
        signal: abort.signal,
      }),
    )
    // Only the route's own answer: a proxy's error page or the app's HTML must never reach Yjs.
    .then(async (res) =>
      res.ok && res.headers.get('Content-Type') === BOARD_STATE_TYPE ? new Uint8Array(await res.arrayBuffer()) : null,
    )
    // Offline, refused, too slow: the WebSocket and the local copy do what they always did.
    .catch(() => null)
    .finally(() => clearTimeout(timer));
  pending = { boardId, state };
}

/** The download started for `boardId`, once; null when none was started. */
export function takePrefetchedBoard(boardId: string): Promise<Uint8Array | null> | null {
  if (pending?.boardId !== boardId) return null;
  const { state } = pending;
  pending = null;
  return state;
}

function linkToken(hash: string, boardId: string, storage: Storage): string | null {
  const fromLink = tokenFromFragment(hash);
  if (fromLink) return fromLink;
  try {
    const stored: unknown = JSON.parse(storage.getItem(BOARD_TOKENS_KEY) ?? '{}');
    const token = stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[boardId] : null;
    return typeof token === 'string' && isShareToken(token) ? token : null;
  } catch {
    return null;
  }
}

if (typeof window !== 'undefined' && typeof document !== 'undefined') prefetchBoard();
