import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * Several server instances: the client may know more than one WebSocket URL for the
 * same boards. It uses the first; whenever the socket closes (the instance stopped, or cannot be
 * reached at all), the provider's next attempt goes to the next URL in the list, round and
 * round, with the provider's own back-off between attempts. Edits made meanwhile wait in the
 * document (and IndexedDB) and are sent to whichever instance answers: every instance serves
 * every board, from the same PostgreSQL, with Redis between them.
 */
export interface Failover {
  /** The URL the next connection attempt uses. */
  current(): string;
  /** Stops switching (the socket keeps its current URL). */
  detach(): void;
}

export function attachFailover(
  socket: HocuspocusProviderWebsocket,
  urls: readonly string[],
  onSwitch: (url: string) => void = () => undefined,
): Failover {
  if (urls.length === 0) throw new Error('attachFailover needs at least one server URL');
  let index = Math.max(0, urls.indexOf(socket.configuration.url));
  socket.setConfiguration({ url: urls[index]! });
  // Runs after the socket's own close handler has scheduled the next attempt, and before that
  // attempt reads `configuration.url` (it waits at least the provider's retry delay).
  const onClose = () => {
    if (urls.length < 2) return;
    index = (index + 1) % urls.length;
    socket.setConfiguration({ url: urls[index]! });
    onSwitch(urls[index]!);
  };
  socket.on('close', onClose);
  return {
    current: () => urls[index]!,
    detach: () => socket.off('close', onClose),
  };
}

/**
 * The WebSocket URLs this page may use, for `boardId`: the `?servers=` list of the page's URL
 * (comma-separated ws: or wss: URLs), else `fallback` (the page's own server). Only URLs on the
 * page's own host and port are kept: the share token is sent to whichever server the page
 * connects to, so a crafted link must not be able to name another host, and the page's CSP
 * (`connect-src 'self'`) allows no other. Instances are therefore reached through paths of the
 * one origin (a reverse proxy: `/collab` routed by board, `/i/a/collab`, `/i/b/collab` … to each
 * instance; docs/operations.md). Each URL gets `?board=<id>`, so a load balancer can route every
 * connection of one board to the same instance.
 */
export function serverUrls(location: Pick<Location, 'search' | 'host'>, fallback: string, boardId: string): string[] {
  const listed = new URLSearchParams(location.search).get('servers') ?? '';
  const kept: string[] = [];
  for (const entry of listed.split(',')) {
    const url = parseUrl(entry.trim());
    if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.host !== location.host) continue;
    if (!kept.includes(url.href)) kept.push(url.href);
  }
  return (kept.length > 0 ? kept : [fallback]).map((u) => withBoard(u, boardId));
}

/** `url` with `board=<boardId>` in its query (the server ignores it; load balancers hash on it). */
export function withBoard(url: string, boardId: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('board', boardId);
  return parsed.href;
}

function parseUrl(text: string): URL | null {
  if (text === '') return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
