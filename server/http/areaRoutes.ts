import type { RouteConfig } from '@hono/zod-openapi';
import { apiRoute } from './apiRoute.ts';
import { type BoardAccessDeps, requireFacilitator } from './boardAccess.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { BOARD_CALL, boardIdParams, errors } from './openapiParts.ts';

/** A route of a board's area as the area describes it: the board call's security and tags are added, and the board id's path parameter unless it names its own. */
export type AreaRouteConfig = Omit<RouteConfig, 'security' | 'tags'>;

/** Who may make a call: the board id once the caller is let in; it throws the HttpError that refuses them. */
export type AreaAccess = (c: HttpContext) => Promise<string>;

/**
 * The routes of one area of a board (future states, webhooks, tracker issues, integration keys).
 * Each is documented as a board call in the area's tag, with the 401, 403 and 404 every one of
 * them can answer, and its handler runs with the board id once `access` has let the caller in,
 * before anything of the request is read.
 */
export function areaRoutes(app: HttpApp, tag: string) {
  return (
    config: AreaRouteConfig,
    access: AreaAccess,
    handler: (c: HttpContext, boardId: string) => Promise<Response>,
  ) =>
    apiRoute(
      app,
      {
        ...config,
        tags: [tag],
        security: BOARD_CALL,
        request: { params: boardIdParams, ...config.request },
        responses: { ...errors(401, 403, 404), ...config.responses },
      },
      async (c) => handler(c, await access(c)),
    );
}

/** areaRoutes of a facilitator-only area: 403 with `refusal` for any other role. */
export function facilitatorRoutes(app: HttpApp, deps: BoardAccessDeps, area: { tag: string; refusal: string }) {
  const route = areaRoutes(app, area.tag);
  const access: AreaAccess = (c) => requireFacilitator(deps, c, area.refusal);
  return (config: AreaRouteConfig, handler: (c: HttpContext, boardId: string) => Promise<Response>): void =>
    route(config, access, handler);
}
