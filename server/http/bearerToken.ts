import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The caller's token: `Authorization: Bearer <token>`, or `?token=` (for a download link). The
 * token is a secret: never log it, nor the URL that carries it.
 */
export function bearerToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (match) return match[1]!;
  const query = url.searchParams.get('token');
  return query ? query : null;
}

/** Constant-time comparison of a presented secret with a configured one. */
export function sameSecret(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
