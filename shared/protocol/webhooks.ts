import { z } from 'zod';

/**
 * Webhooks: what a facilitator subscribes a URL to, and what the server sends (docs/api.md,
 * "Webhooks"). Each delivery is a POST of one JSON `WebhookEnvelope`, signed in the header
 * `Journeyboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 */
export const WEBHOOK_EVENTS = [
  'round.revealed',
  'priorities.changed',
  'action.status_changed',
  'comment.mentioned',
  'board.restored',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_SIGNATURE_HEADER = 'Journeyboard-Signature';
export const WEBHOOK_EVENT_HEADER = 'Journeyboard-Event';
export const WEBHOOK_DELIVERY_HEADER = 'Journeyboard-Delivery';

/** `POST /api/boards/:id/webhooks` body. */
export const createWebhookRequestSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, 'A webhook URL has at most 2,000 characters')
    .url('Give a full URL, such as https://hooks.example.com/journeyboard'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Pick at least one event').max(WEBHOOK_EVENTS.length),
});

export const webhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).readonly(),
  createdAt: z.string(),
});
export const webhookCreatedSchema = z.object({ webhook: webhookViewSchema, secret: z.string() });
export const webhookSecretSchema = z.object({ secret: z.string() });
export const deliveryViewSchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.enum(WEBHOOK_EVENTS),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  body: z.string(),
});

/** A webhook as the facilitator sees it: never its secret, which is shown once. */
export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly createdAt: string;
}

export interface WebhookCreated {
  readonly webhook: WebhookView;
  /** `whsec_…`: shown this once; the server keeps it sealed and cannot show it again. */
  readonly secret: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One entry of a webhook's delivery log. */
export interface DeliveryView {
  readonly id: string;
  readonly webhookId: string;
  readonly event: WebhookEvent;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly createdAt: string;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  /** The receiver's last HTTP status, or null when it did not answer. */
  readonly lastStatus: number | null;
  /** Why the last attempt failed: `timeout`, `private-address`, `redirect-not-followed`, a network error… */
  readonly lastError: string | null;
  /** The body sent, exactly as signed. */
  readonly body: string;
}

/** What every delivery's body is. */
export interface WebhookEnvelope<Data = unknown> {
  /** The event's id: the same in every delivery of this event, and in a redelivery. */
  readonly id: string;
  readonly type: WebhookEvent;
  readonly boardId: string;
  readonly createdAt: string;
  readonly data: Data;
}
