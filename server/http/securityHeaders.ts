import { CREDENTIAL_HEADER } from '../../shared/protocol/credentials.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './respond.ts';

/**
 * Strict Content-Security-Policy for the built client: Vite's output has no inline script, Konva
 * draws on canvas, React sets styles through the CSSOM (allowed by style-src), the favicon is a
 * data: URL, and the WebSocket is same-origin ('self' covers ws:/wss: to the same host).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Share tokens live in the URL fragment, which is never sent; no Referer at all on top.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Sets the security headers on every answer (before any writeHead, which merges them). */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
}

/**
 * CORS: the API answers cross-origin callers only when their origin is in CORS_ORIGINS. A
 * same-origin request (Origin absent or equal to this host) passes. A disallowed cross-origin
 * request gets no Access-Control-Allow-Origin (the browser hides the answer), and one that would
 * change something (POST, PUT, PATCH, DELETE) is refused outright with 403, so a foreign page
 * cannot make a visitor's browser create boards. Returns true when the request was fully
 * answered here (a preflight).
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin || isSameOrigin(origin, req)) return false;
  const ok = allowed.includes(origin) || allowed.includes('*');
  if (ok) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    if (!ok) throw new HttpError(403, 'forbidden', `Origin ${origin} may not call this API`);
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, HEAD, POST',
      'Access-Control-Allow-Headers': `Authorization, Content-Type, ${CREDENTIAL_HEADER}`,
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return true;
  }
  if (!ok && req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(403, 'forbidden', `Origin ${origin} may not call this API`);
  }
  return false;
}

function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
