import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { CREDENTIAL_HEADER } from '../../shared/protocol/credentials.ts';
import { HttpError } from './httpError.ts';

/**
 * The security headers on every answer. A strict Content-Security-Policy for the built client:
 * Vite's output has no inline script, Konva draws on canvas, React sets styles through the CSSOM
 * (allowed by style-src), the favicon is a data: URL, and the WebSocket is same-origin ('self'
 * covers ws:/wss: to the same host). No HSTS: TLS ends at the operator's proxy, which sets it.
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    // Share tokens live in the URL fragment, which is never sent; no Referer at all on top.
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  });

/**
 * CORS on the API: cross-origin callers are answered only when their origin is in CORS_ORIGINS
 * (hono/cors sets the headers and answers their preflight). A same-origin request (Origin absent
 * or equal to this host) passes. A disallowed origin gets no Access-Control-Allow-Origin (the
 * browser hides the answer), and its preflight or any request that would change something (POST,
 * PUT, PATCH, DELETE) is refused outright with 403, so a foreign page cannot make a visitor's
 * browser create boards.
 */
export function apiCors(allowed: readonly string[]): MiddlewareHandler {
  const isAllowed = (origin: string) => allowed.includes(origin) || allowed.includes('*');
  const foreign: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin || isSameOrigin(origin, c.req.header('host'))) return next();
    const method = c.req.method;
    if (!isAllowed(origin) && method !== 'GET' && method !== 'HEAD')
      throw new HttpError(403, 'forbidden', `Origin ${origin} may not call this API`);
    return corsHeaders(c, next);
  };
  const corsHeaders = cors({
    origin: (origin) => (isAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST'],
    allowHeaders: ['Authorization', 'Content-Type', CREDENTIAL_HEADER],
    maxAge: 600,
  });
  return foreign;
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
