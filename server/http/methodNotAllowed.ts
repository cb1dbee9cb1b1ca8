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
  for (const route of app.routes)
    if (route.method !== METHOD_NAME_ALL) paths.add(METHOD_NAME_ALL, route.path, route.method);
  return async (c, next) => {
    const [found] = paths.match(METHOD_NAME_ALL, c.req.path);
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
