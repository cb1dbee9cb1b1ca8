import { z } from 'zod';
import {
  createIntegrationKeyRequestSchema,
  INTEGRATION_KEY_LIMITS,
  type IntegrationKeyView,
  integrationKeyCreatedSchema,
  integrationKeyViewSchema,
} from '../../shared/protocol/integrationKeys.ts';
import type { IntegrationKeys } from '../kpi/IntegrationKeys.ts';
import type { BoardAccessDeps } from './boardAccess.ts';
import { facilitatorRoutes } from './areaRoutes.ts';
import type { HttpApp } from './httpEnv.ts';
import { HttpError, sendJson } from './httpError.ts';
import { readBody } from './jsonBody.ts';
import { boardIdParams, errors, json, jsonBody } from './openapiParts.ts';

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
const TAG = 'Integration keys';

/**
 * A board's integration keys: facilitators only (docs/api.md, "Integration keys"). The key is in
 * the creation's answer and nowhere else; IntegrationKeys keeps its hash.
 */
export function registerIntegrationKeyRoutes(app: HttpApp, deps: IntegrationKeyRoutesDeps): void {
  const route = facilitatorRoutes(app, deps, { tag: TAG, refusal: 'Only a facilitator manages integration keys' });

  route(
    {
      method: 'get',
      path: '/api/boards/{id}/integration-keys',
      summary: "The board's integration keys (never the keys themselves)",
      responses: {
        200: json('The keys, oldest first', z.array(integrationKeyViewSchema), [KEY]),
      },
    },
    async (c, id) => sendJson(c, 200, await deps.keys.list(id)),
  );

  route(
    {
      method: 'post',
      path: '/api/boards/{id}/integration-keys',
      summary: 'Make a key for a job; the key is in this answer only',
      description: `At most ${INTEGRATION_KEY_LIMITS.perBoard} keys per board (409 past that).`,
      request: { body: jsonBody(createIntegrationKeyRequestSchema, { name: KEY.name }) },
      responses: {
        201: json('The key, shown once', integrationKeyCreatedSchema, {
          key: { ...KEY, lastUsedAt: null },
          secret: 'jbk_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
        ...errors(400, 409, 413, 415),
      },
    },
    async (c, id) => {
      const body = await readBody(c, createIntegrationKeyRequestSchema);
      const created = await deps.keys.create(id, body.name);
      if (!created)
        throw new HttpError(
          409,
          'too-many-integration-keys',
          `A board has at most ${INTEGRATION_KEY_LIMITS.perBoard} integration keys; revoke one first`,
        );
      return sendJson(c, 201, created);
    },
  );

  route(
    {
      method: 'delete',
      path: '/api/boards/{id}/integration-keys/{keyId}',
      summary: 'Revoke a key: it stops working at once',
      request: {
        params: boardIdParams.extend({ keyId: z.string().meta({ description: 'The key id', example: KEY.id }) }),
      },
      responses: { 204: { description: 'Revoked' } },
    },
    async (c, id) => {
      if (!(await deps.keys.revoke(id, c.req.param('keyId') ?? '')))
        throw new HttpError(404, 'not-found', 'This board has no such integration key');
      return c.body(null, 204);
    },
  );
}
