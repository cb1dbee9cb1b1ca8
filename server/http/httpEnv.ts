import type { HttpBindings } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type * as Y from 'yjs';
import type { Role } from '../../shared/protocol/roles.ts';

/** What a route may reach besides the request: the live documents Hocuspocus holds. */
export interface LiveDocuments {
  liveDocument(boardId: string): Y.Doc | undefined;
  /** Closes the live connections that came in with `role`'s link on `boardId`; returns how many. */
  disconnectRole(boardId: string, role: Role): number;
}

/**
 * The app's bindings: Node's request and response (from @hono/node-server; the routes read the
 * socket and raw headers through `incoming`) and the live documents of this Hocuspocus instance.
 */
export interface HttpEnv {
  Bindings: HttpBindings & { live: LiveDocuments };
}

export type HttpApp = OpenAPIHono<HttpEnv>;
export type HttpContext = Context<HttpEnv>;

/** The request's URL, parsed (query strings, `?token=`). */
export function requestUrl(c: HttpContext): URL {
  return new URL(c.req.url);
}
