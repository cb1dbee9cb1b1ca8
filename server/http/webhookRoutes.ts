import { z } from 'zod';
import {
  createWebhookRequestSchema,
  type DeliveryView,
  deliveryViewSchema,
  type WebhookView,
  webhookCreatedSchema,
  webhookSecretSchema,
  webhookViewSchema,
} from '../../shared/protocol/webhooks.ts';
import type { WebhookService } from '../webhooks/WebhookService.ts';
import { apiRoute } from './apiRoute.ts';
import { type BoardAccessDeps, requireFacilitator } from './boardAccess.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { HttpError, invalidRequest, sendJson } from './httpError.ts';
import { readJson } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';

export interface WebhookRoutesDeps extends BoardAccessDeps {
  readonly webhooks: WebhookService;
}

const HOOK: WebhookView = {
  id: 'wh_0123456789abcdef',
  url: 'https://hooks.example.com/journeyboard',
  events: ['round.revealed', 'action.status_changed'],
  createdAt: '2026-12-07T15:00:00.000Z',
};
const DELIVERY: DeliveryView = {
  id: 'whd_0123456789abcdef',
  webhookId: HOOK.id,
  event: 'round.revealed',
  state: 'delivered',
  attempts: 1,
  createdAt: '2026-12-07T15:01:00.000Z',
  nextAttemptAt: null,
  deliveredAt: '2026-12-07T15:01:00.120Z',
  lastStatus: 204,
  lastError: null,
  body: '{"id":"evt_0123456789abcdef","type":"round.revealed","boardId":"k3j9x0a1b2c3","createdAt":"2026-12-07T15:01:00.000Z","data":{}}',
};
const hookParams = boardIdParams.extend({
  webhookId: z.string().meta({ description: 'The webhook id', example: HOOK.id }),
});
const deliveryParams = boardIdParams.extend({
  deliveryId: z.string().meta({ description: 'A delivery id from the log', example: DELIVERY.id }),
});
const TAG = ['Webhooks'];

/**
 * A board's webhooks: facilitators only (docs/api.md, "Webhooks"). Parsing and access here;
 * WebhookService owns the webhooks, their secrets and the delivery log.
 */
export function registerWebhookRoutes(app: HttpApp, deps: WebhookRoutesDeps): void {
  const facilitator = (c: HttpContext) => requireFacilitator(deps, c, 'Only a facilitator manages webhooks');
  const notFound = () => new HttpError(404, 'not-found', 'This board has no such webhook or delivery');

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/webhooks',
      tags: TAG,
      summary: "The board's webhooks (never their secrets)",
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: {
        200: json('The webhooks, oldest first', z.array(webhookViewSchema), [HOOK]),
        ...errors(401, 403, 404),
      },
    },
    async (c) => sendJson(c, 200, await deps.webhooks.list(await facilitator(c))),
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/webhooks',
      tags: TAG,
      summary: 'Add a webhook; its signing secret is in this answer only',
      description:
        'Refused (400) for a URL to this machine or a private network unless the operator set WEBHOOK_ALLOW_PRIVATE, for a URL with credentials, and past 10 webhooks per board.',
      security: BOARD_CALL,
      request: {
        params: boardIdParams,
        body: jsonBody(createWebhookRequestSchema, { url: HOOK.url, events: HOOK.events }),
      },
      responses: {
        201: json('The webhook and its secret, shown once', webhookCreatedSchema, {
          webhook: HOOK,
          secret: 'whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
        ...errors(400, 401, 403, 404, 413, 415),
      },
    },
    async (c) => {
      const id = await facilitator(c);
      const body = createWebhookRequestSchema.safeParse(await readJson(c));
      if (!body.success) throw invalidRequest(body.error.issues);
      const created = await deps.webhooks.create(id, body.data.url, body.data.events);
      if (!('secret' in created)) throw new HttpError(400, 'invalid-request', created.message);
      return sendJson(c, 201, created);
    },
  );

  apiRoute(
    app,
    {
      method: 'delete',
      path: '/api/boards/{id}/webhooks/{webhookId}',
      tags: TAG,
      summary: 'Remove a webhook and its delivery log',
      security: BOARD_CALL,
      request: { params: hookParams },
      responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
    },
    async (c) => {
      if (!(await deps.webhooks.remove(await facilitator(c), c.req.param('webhookId') ?? ''))) throw notFound();
      return c.body(null, 204);
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/webhooks/{webhookId}/secret',
      tags: TAG,
      summary: 'Rotate the signing secret; the new one is in this answer only, the old one stops at once',
      security: BOARD_CALL,
      request: { params: hookParams },
      responses: {
        200: json('The new secret', webhookSecretSchema, {
          secret: 'whsec_9Zk-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
        ...errors(401, 403, 404),
      },
    },
    async (c) => {
      const rotated = await deps.webhooks.rotateSecret(await facilitator(c), c.req.param('webhookId') ?? '');
      if (!rotated) throw notFound();
      return sendJson(c, 200, rotated);
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/webhooks/{webhookId}/deliveries',
      tags: TAG,
      summary: "A webhook's delivery log, newest first (the last 50)",
      security: BOARD_CALL,
      request: { params: hookParams },
      responses: { 200: json('The deliveries', z.array(deliveryViewSchema), [DELIVERY]), ...errors(401, 403, 404) },
    },
    async (c) => {
      const id = await facilitator(c);
      const webhookId = c.req.param('webhookId') ?? '';
      if (!(await deps.webhooks.list(id)).some((h) => h.id === webhookId)) throw notFound();
      return sendJson(c, 200, await deps.webhooks.deliveries(id, webhookId));
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/webhooks/deliveries/{deliveryId}/redeliver',
      tags: TAG,
      summary: 'Send a logged delivery again (a new delivery with the same body and event id)',
      security: BOARD_CALL,
      request: { params: deliveryParams },
      responses: {
        202: json('The new delivery, queued', deliveryViewSchema, {
          ...DELIVERY,
          id: 'whd_fedcba9876543210',
          state: 'pending',
          attempts: 0,
          deliveredAt: null,
          nextAttemptAt: '2026-12-07T15:05:00.000Z',
          lastStatus: null,
        }),
        ...errors(401, 403, 404),
      },
    },
    async (c) => {
      const again = await deps.webhooks.redeliver(await facilitator(c), c.req.param('deliveryId') ?? '');
      if (!again) throw notFound();
      return sendJson(c, 202, again);
    },
  );
}
