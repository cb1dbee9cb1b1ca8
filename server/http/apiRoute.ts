import type { RouteConfig } from '@hono/zod-openapi';
import type { Handler, MiddlewareHandler } from 'hono';
import type { HttpApp, HttpEnv } from './httpEnv.ts';

/**
 * Registers a route and its OpenAPI description in one go, so the document (`GET
 * /api/openapi.json`) is made from the same definitions the app routes by. The path is written
 * as OpenAPI writes it (`/api/boards/{id}`). The handler validates its own input (our error
 * codes and messages are the contract, see shared/protocol/http.ts `ApiErrorCode`), so the
 * schemas here describe; they do not replace that validation.
 */
export function apiRoute(
  app: HttpApp,
  config: RouteConfig,
  ...handlers: [...MiddlewareHandler<HttpEnv>[], Handler<HttpEnv>]
): void {
  app.openAPIRegistry.registerPath(config);
  app.on(config.method.toUpperCase(), honoPath(config.path), ...(handlers as [Handler<HttpEnv>]));
}

/** `/api/boards/{id}` → `/api/boards/:id`. */
export function honoPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
