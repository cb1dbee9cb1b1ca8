import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The caller's share-link token: `Authorization: Bearer <token>`, or `?token=` (for a download link). The
 * token is a secret: never log it, nor the URL that carries it.
 */
export function bearerToken(req: IncomingMessage, url: URL): string | null {
  const header = headerToken(req);
  if (header) return header;
  const query = url.searchParams.get('token');
  return query ? query : null;
}

/**
 * The `Authorization: Bearer` token only. The operator's secrets (CREATE_TOKEN, ADMIN_TOKEN,
 * METRICS_TOKEN) are read from here and never from `?token=`: a URL ends up in proxy and access
 * logs and in browser history, and a share link's download is the only reason to accept one.
 */
export function headerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/** Constant-time comparison of a presented secret with a configured one. */
export function sameSecret(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
