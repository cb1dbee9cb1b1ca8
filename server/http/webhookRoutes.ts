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
import type { BoardAccessDeps } from './boardAccess.ts';
import { facilitatorRoutes } from './areaRoutes.ts';
import type { HttpApp } from './httpEnv.ts';
import { HttpError, sendJson } from './httpError.ts';
import { readBody } from './jsonBody.ts';
import { boardIdParams, errors, json, jsonBody } from './openapiParts.ts';

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
const TAG = 'Webhooks';

/**
 * A board's webhooks: facilitators only (docs/api.md, "Webhooks"). Parsing and access here;
 * WebhookService owns the webhooks, their secrets and the delivery log.
 */
export function registerWebhookRoutes(app: HttpApp, deps: WebhookRoutesDeps): void {
  const route = facilitatorRoutes(app, deps, { tag: TAG, refusal: 'Only a facilitator manages webhooks' });
  const notFound = () => new HttpError(404, 'not-found', 'This board has no such webhook or delivery');

  route(
    {
      method: 'get',
      path: '/api/boards/{id}/webhooks',
      summary: "The board's webhooks (never their secrets)",
      responses: {
        200: json('The webhooks, oldest first', z.array(webhookViewSchema), [HOOK]),
      },
    },
    async (c, id) => sendJson(c, 200, await deps.webhooks.list(id)),
  );

  route(
    {
      method: 'post',
      path: '/api/boards/{id}/webhooks',
      summary: 'Add a webhook; its signing secret is in this answer only',
      description:
        'Refused (400) for a URL to this machine or a private network unless the operator set WEBHOOK_ALLOW_PRIVATE, for a URL with credentials, and past 10 webhooks per board.',
      request: { body: jsonBody(createWebhookRequestSchema, { url: HOOK.url, events: HOOK.events }) },
      responses: {
        201: json('The webhook and its secret, shown once', webhookCreatedSchema, {
          webhook: HOOK,
          secret: 'whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
        ...errors(400, 413, 415),
      },
    },
    async (c, id) => {
      const body = await readBody(c, createWebhookRequestSchema);
      const created = await deps.webhooks.create(id, body.url, body.events);
      if (!('secret' in created)) throw new HttpError(400, 'invalid-request', created.message);
      return sendJson(c, 201, created);
    },
  );

  route(
    {
      method: 'delete',
      path: '/api/boards/{id}/webhooks/{webhookId}',
      summary: 'Remove a webhook and its delivery log',
      request: { params: hookParams },
      responses: { 204: { description: 'Removed' } },
    },
    async (c, id) => {
      if (!(await deps.webhooks.remove(id, c.req.param('webhookId') ?? ''))) throw notFound();
      return c.body(null, 204);
    },
  );

  route(
    {
      method: 'post',
      path: '/api/boards/{id}/webhooks/{webhookId}/secret',
      summary: 'Rotate the signing secret; the new one is in this answer only, the old one stops at once',
      request: { params: hookParams },
      responses: {
        200: json('The new secret', webhookSecretSchema, {
          secret: 'whsec_9Zk-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        }),
      },
    },
    async (c, id) => {
      const rotated = await deps.webhooks.rotateSecret(id, c.req.param('webhookId') ?? '');
      if (!rotated) throw notFound();
      return sendJson(c, 200, rotated);
    },
  );

  route(
    {
      method: 'get',
      path: '/api/boards/{id}/webhooks/{webhookId}/deliveries',
      summary: "A webhook's delivery log, newest first (the last 50)",
      request: { params: hookParams },
      responses: { 200: json('The deliveries', z.array(deliveryViewSchema), [DELIVERY]) },
    },
    async (c, id) => {
      const webhookId = c.req.param('webhookId') ?? '';
      if (!(await deps.webhooks.list(id)).some((h) => h.id === webhookId)) throw notFound();
      return sendJson(c, 200, await deps.webhooks.deliveries(id, webhookId));
    },
  );

  route(
    {
      method: 'post',
      path: '/api/boards/{id}/webhooks/deliveries/{deliveryId}/redeliver',
      summary: 'Send a logged delivery again (a new delivery with the same body and event id)',
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
      },
    },
    async (c, id) => {
      const again = await deps.webhooks.redeliver(id, c.req.param('deliveryId') ?? '');
      if (!again) throw notFound();
      return sendJson(c, 202, again);
    },
  );
}
