import type { IncomingMessage } from 'node:http';

/**
 * Where a WebSocket's client address travels from onUpgrade (which sees the socket) to
 * onAuthenticate (which sees only the request headers). Set from the socket over anything the
 * client sent under that name, so a client cannot choose its own address.
 */
const ADDRESS_HEADER = 'x-journeyboard-client-address';

/** The socket's peer, or behind a trusted proxy the address it appended to X-Forwarded-For. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(request.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (forwarded.length > 0) return forwarded.at(-1)!;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

/** Called from onUpgrade: stamps the request with its client address for the hooks after it. */
export function stampClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  request.headers[ADDRESS_HEADER] = clientAddress(request, trustProxy);
}

/** In onAuthenticate and later hooks: the address stampClientAddress stored. */
export function stampedClientAddress(requestHeaders: { get(name: string): string | null | undefined }): string {
  return requestHeaders.get(ADDRESS_HEADER) ?? 'unknown';
}
