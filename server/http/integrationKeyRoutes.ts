import { z } from 'zod';
import {
  createIntegrationKeyRequestSchema,
  INTEGRATION_KEY_LIMITS,
  type IntegrationKeyView,
  integrationKeyCreatedSchema,
  integrationKeyViewSchema,
} from '../../shared/protocol/integrationKeys.ts';
import type { IntegrationKeys } from '../kpi/IntegrationKeys.ts';
import { apiRoute } from './apiRoute.ts';
import { type BoardAccessDeps, requireFacilitator } from './boardAccess.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { HttpError, invalidRequest, sendJson } from './httpError.ts';
import { readJson } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';

export interface IntegrationKeyRoutesDeps extends BoardAccessDeps {
  readonly keys: IntegrationKeys;
}

const KEY: IntegrationKeyView = {
  id: 'ik_0123456789abcdef',
  name: 'Nightly BI export',
  prefix: 'jbk_3q2-7w',
  createdAt: '2026-12-07T15:00:00.000Z',
  lastUsedAt: '2026-12-08T02:00:04.120Z',
};
const TAG = ['Integration keys'];

/**
 * A board's integration keys: facilitators only (docs/api.md, "Integration keys"). The key is in
 * the creation's answer and nowhere else; IntegrationKeys keeps its hash.
 */
export function registerIntegrationKeyRoutes(app: HttpApp, deps: IntegrationKeyRoutesDeps): void {
  const facilitator = (c: HttpContext) => requireFacilitator(deps, c, 'Only a facilitator manages integration keys');

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/integration-keys',
      tags: TAG,
      summary: "The board's integration keys (never the keys themselves)",
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: {
        200: json('The keys, oldest first', z.array(integrationKeyViewSchema), [KEY]),
        ...errors(401, 403, 404),
      },
    },
    async (c) => sendJson(c, 200, await deps.keys.list(await facilitator(c))),
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/integration-keys',
      tags: TAG,
      summary: 'Make a key for a job; the key is in this answer only',
      description: `At most ${INTEGRATION_KEY_LIMITS.perBoard} keys per board (409 past that).`,
      security: BOARD_CALL,
      request: { params: boardIdParams, body: jsonBody(createIntegrationKeyRequestSchema, { name: KEY.name }) },
      responses: {
        201: json('The key, shown once', integrationKeyCreatedSchema, {
          key: { ...KEY, lastUsedAt: null },
          secret: 'jbk_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
        ...errors(400, 401, 403, 404, 409, 413, 415),
      },
    },
    async (c) => {
      const id = await facilitator(c);
      const body = createIntegrationKeyRequestSchema.safeParse(await readJson(c));
      if (!body.success) throw invalidRequest(body.error.issues);
      const created = await deps.keys.create(id, body.data.name);
      if (!created)
        throw new HttpError(
          409,
          'too-many-integration-keys',
          `A board has at most ${INTEGRATION_KEY_LIMITS.perBoard} integration keys; revoke one first`,
        );
      return sendJson(c, 201, created);
    },
  );

  apiRoute(
    app,
    {
      method: 'delete',
      path: '/api/boards/{id}/integration-keys/{keyId}',
      tags: TAG,
      summary: 'Revoke a key: it stops working at once',
      security: BOARD_CALL,
      request: {
        params: boardIdParams.extend({ keyId: z.string().meta({ description: 'The key id', example: KEY.id }) }),
      },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
    },
    async (c) => {
      if (!(await deps.keys.revoke(await facilitator(c), c.req.param('keyId') ?? '')))
        throw new HttpError(404, 'not-found', 'This board has no such integration key');
      return c.body(null, 204);
    },
  );
}
