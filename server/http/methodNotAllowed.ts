import type { MiddlewareHandler } from 'hono';
import { METHOD_NAME_ALL } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';
import type { HttpApp } from './httpEnv.ts';
import { HttpError } from './httpError.ts';

/**
 * Hono answers a path that exists for other methods with 404; we answer 405 with the methods it
 * has (`Allow`), and 404 `not-found` for an unknown API path. Register after every route: it
 * reads the app's routes once, then lets other paths through to the built client.
 */
export function wrongMethodOrUnknownApi(app: HttpApp): MiddlewareHandler {
  const paths = new TrieRouter<string>();
  const firstSegments = new Set<string>();
  for (const route of app.routes)
    if (route.method !== METHOD_NAME_ALL) {
      paths.add(METHOD_NAME_ALL, route.path, route.method);
      firstSegments.add(firstSegment(route.path));
    }
  // The client's files (/assets/…, /b/<id>) share no first segment with a route: the lookup is
  // skipped for them, unless some route starts with a parameter or a wildcard.
  const mayMatch = [...firstSegments].some((s) => s.startsWith(':') || s.includes('*'))
    ? () => true
    : (path: string) => firstSegments.has(firstSegment(path));
  return async (c, next) => {
    const [found] = mayMatch(c.req.path) ? paths.match(METHOD_NAME_ALL, c.req.path) : [[]];
    const allow = [...new Set(found.map(([method]) => method))];
    if (allow.length > 0) {
      if (allow.includes('GET')) allow.push('HEAD');
      throw new HttpError(405, 'method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}`, {
        Allow: allow.join(', '),
      });
    }
    if (c.req.path === '/api' || c.req.path.startsWith('/api/'))
      throw new HttpError(404, 'not-found', `There is no API route ${c.req.path}`);
    await next();
  };
}

function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end === -1 ? path.slice(1) : path.slice(1, end);
}
