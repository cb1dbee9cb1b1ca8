import type { RouteConfig } from '@hono/zod-openapi';
import { apiRoute } from './apiRoute.ts';
import { type BoardAccessDeps, requireFacilitator } from './boardAccess.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { BOARD_CALL, errors } from './openapiParts.ts';

/** A facilitator-only route as its area describes it: the board call's security and tags are added. */
export type FacilitatorRouteConfig = Omit<RouteConfig, 'security' | 'tags'>;

/**
 * The routes of a facilitator-only area of a board (webhooks, tracker issues, integration keys).
 * Each is documented as a board call in the area's tag, with the 401, 403 and 404 every one of
 * them can answer, and its handler runs with the board id once requireFacilitator has let the
 * caller in (403 with `refusal` for any other role), before anything of the request is read.
 */
export function facilitatorRoutes(app: HttpApp, deps: BoardAccessDeps, area: { tag: string; refusal: string }) {
  return (config: FacilitatorRouteConfig, handler: (c: HttpContext, boardId: string) => Promise<Response>): void =>
    apiRoute(
      app,
      {
        ...config,
        tags: [area.tag],
        security: BOARD_CALL,
        responses: { ...errors(401, 403, 404), ...config.responses },
      },
      async (c) => handler(c, await requireFacilitator(deps, c, area.refusal)),
    );
}
