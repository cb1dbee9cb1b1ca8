import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoardStore } from '../storage/BoardStore.ts';
import { registerBoardRoutes } from './boardRoutes.ts';
import { registerHealthRoutes } from './healthRoutes.ts';
import { HttpError, sendError } from './respond.ts';
import { Router, type LiveDocuments } from './router.ts';
import { createStaticClient } from './staticClient.ts';

export interface HttpDeps {
  readonly store: BoardStore;
  readonly clientDir: string;
  readonly maxBodyBytes: number;
}

/** Answers one request completely. Never rejects: Hocuspocus would rethrow it as a crash. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, live: LiveDocuments) => Promise<void>;

/** `/healthz` and `/api/*` go through the router; every other path is the built client. */
export function createRequestHandler(deps: HttpDeps): RequestHandler {
  const router = new Router();
  registerHealthRoutes(router);
  registerBoardRoutes(router, deps);
  const serveClient = createStaticClient(deps.clientDir);

  return async (req, res, live) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match.kind === 'found') {
        await match.handler({ req, res, url, params: match.params, liveDocument: live.liveDocument });
      } else if (match.kind === 'wrong-method') {
        throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on ${url.pathname}`, {
          Allow: match.allow.join(', '),
        });
      } else if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        throw new HttpError(404, 'not-found', `There is no API route ${url.pathname}`);
      } else {
        await serveClient(req, res, url.pathname);
      }
    } catch (error) {
      answerError(res, error);
    }
  };
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    // Mid-stream failure (e.g. the client went away during a file): nothing sensible to send.
    if (!isClientGone(error)) console.error('[http] failed after the answer started:', error);
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendError(res, error);
    return;
  }
  console.error('[http] unexpected error:', error);
  sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server; it has been logged'));
}

function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
}
