import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import type { Role } from '../../shared/protocol/roles.ts';

/** What a route may reach besides the request: the live documents Hocuspocus holds. */
export interface LiveDocuments {
  liveDocument(boardId: string): Y.Doc | undefined;
  /** Closes the live connections that came in with `role`'s link on `boardId`; returns how many. */
  disconnectRole(boardId: string, role: Role): number;
}

export interface RouteContext extends LiveDocuments {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Values of the `:name` segments, URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

export type RouteMatch =
  | { readonly kind: 'found'; readonly handler: RouteHandler; readonly params: Record<string, string> }
  /** The path exists but not for this method; `allow` lists the methods it has. */
  | { readonly kind: 'wrong-method'; readonly allow: readonly string[] }
  | { readonly kind: 'none' };

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: RouteHandler;
}

/** A tiny router: exact segments and `:param` segments, nothing more is needed yet. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch {
    // HEAD is GET without a body; Node's ServerResponse drops the body of a HEAD answer itself.
    const wanted = method === 'HEAD' ? 'GET' : method;
    const segments = split(pathname);
    const allow = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === wanted) return { kind: 'found', handler: route.handler, params };
      allow.add(route.method);
    }
    if (allow.size === 0) return { kind: 'none' };
    if (allow.has('GET')) allow.add('HEAD');
    return { kind: 'wrong-method', allow: [...allow] };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return null; // malformed %-escape: no route has such a value
      }
    } else if (p !== a) return null;
  }
  return params;
}
