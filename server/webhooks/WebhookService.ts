import { randomId } from '../../shared/schema/ids.ts';
import {
  type DeliveryView,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_EVENTS,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookCreated,
  type WebhookEnvelope,
  type WebhookEvent,
  type WebhookView,
} from '../../shared/protocol/webhooks.ts';
import { log } from '../observability/log.ts';
import { refuseTarget, type TargetRefusal } from './safeTarget.ts';
import type { SecretBox } from './secretBox.ts';
import { postOnce } from './send.ts';
import { newWebhookSecret, signatureHeader } from './signature.ts';
import type { StoredDelivery, StoredWebhook, WebhookRepository } from './WebhookRepository.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface WebhookServiceOptions {
  readonly repository: WebhookRepository;
  readonly box: SecretBox;
  /** WEBHOOK_ALLOW_PRIVATE: let webhooks reach this machine and private networks (tests, an intranet). */
  readonly allowPrivate: boolean;
  readonly now?: () => number;
  /** How long one attempt may take. */
  readonly timeoutMs?: number;
  /** The first retry's delay; each next one doubles, up to `maxDelayMs`. */
  readonly firstRetryMs?: number;
  readonly maxDelayMs?: number;
  /** How long a delivery is retried before it is given up. */
  readonly giveUpAfterMs?: number;
  /** How often due retries are looked for (a new event is sent at once). */
  readonly pollMs?: number;
  /** Webhooks per board. */
  readonly maxPerBoard?: number;
  /** Receivers (webhooks) sent to at once; each gets one attempt at a time. */
  readonly maxReceivers?: number;
  /** After a webhook was added here (WebhookEvents starts watching the board at once). */
  readonly onAdded?: (boardId: string, events: readonly WebhookEvent[]) => void;
}

export type WebhookRefusal =
  | { readonly code: TargetRefusal; readonly message: string }
  | { readonly code: 'too-many-webhooks'; readonly message: string }
  | { readonly code: 'not-found'; readonly message: string };

/**
 * A board's webhooks: a facilitator subscribes a URL to events; each event becomes one delivery
 * per subscribed webhook, written to the database first and then sent off the board's path, so a
 * slow or dead receiver never slows anyone's edits. A failed attempt is retried with exponential
 * backoff for a day; the delivery log keeps every attempt's outcome and can send one again. With
 * several instances a delivery is sent by the one that takes its lease.
 *
 * Each webhook is one receiver with a queue of its own (a "lane"): one attempt at a time, its
 * deliveries in the order the events happened, and up to `maxReceivers` lanes at once. A receiver
 * that never answers holds only its own lane, for one timeout per attempt; the others go on.
 */
export class WebhookService {
  private readonly o: Required<Omit<WebhookServiceOptions, 'repository' | 'box' | 'onAdded'>> & WebhookServiceOptions;
  private timer: NodeJS.Timeout | null = null;
  /** Webhook id → its lane in flight, resolving with the attempts it made. */
  private readonly lanes = new Map<string, Promise<number>>();
  /** Webhooks found due while their lane was busy: the lane looks once more before it ends. */
  private readonly lookAgain = new Set<string>();
  /** The last pass had more receivers due than free lanes. */
  private full = false;
  private closed = false;

  constructor(options: WebhookServiceOptions) {
    this.o = {
      ...options,
      now: options.now ?? Date.now,
      timeoutMs: options.timeoutMs ?? 10_000,
      firstRetryMs: options.firstRetryMs ?? 30_000,
      maxDelayMs: options.maxDelayMs ?? 60 * MINUTE,
      giveUpAfterMs: options.giveUpAfterMs ?? DAY,
      pollMs: options.pollMs ?? 5_000,
      maxPerBoard: options.maxPerBoard ?? 10,
      maxReceivers: options.maxReceivers ?? 32,
    };
  }

  /** Starts sending the deliveries that are due, now and every `pollMs`. */
  start(): void {
    this.timer = setInterval(() => void this.sendDue(), this.o.pollMs);
    this.timer.unref();
    void this.sendDue();
  }

  /** Stops sending; resolves once the attempts in flight (one per receiver at most) are recorded. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.lanes.values());
  }

  async create(
    boardId: string,
    url: string,
    events: readonly WebhookEvent[],
  ): Promise<WebhookCreated | WebhookRefusal> {
    const refused = refuseTarget(new URL(url), this.o.allowPrivate);
    if (refused) return { code: refused, message: REFUSAL_MESSAGES[refused] };
    if ((await this.o.repository.listWebhooks(boardId)).length >= this.o.maxPerBoard)
      return { code: 'too-many-webhooks', message: `A board has at most ${this.o.maxPerBoard} webhooks.` };
    const secret = newWebhookSecret();
    const stored: StoredWebhook = {
      id: `wh_${randomId(16)}`,
      boardId,
      url,
      events: JSON.stringify(WEBHOOK_EVENTS.filter((e) => events.includes(e))),
      secretSealed: this.o.box.seal(secret),
      createdAt: this.o.now(),
    };
    await this.o.repository.addWebhook(stored);
    this.o.onAdded?.(boardId, events);
    return { webhook: view(stored), secret };
  }

  /** Whether a webhook of the board listens to one of `events`. */
  async listens(boardId: string, events: readonly WebhookEvent[]): Promise<boolean> {
    return (await this.o.repository.listWebhooks(boardId)).some((h) => eventsOf(h).some((e) => events.includes(e)));
  }

  async list(boardId: string): Promise<WebhookView[]> {
    return (await this.o.repository.listWebhooks(boardId)).map(view);
  }

  remove(boardId: string, id: string): Promise<boolean> {
    return this.o.repository.deleteWebhook(boardId, id);
  }

  /** A new signing secret, shown once; the old one stops signing at once. */
  async rotateSecret(boardId: string, id: string): Promise<{ readonly secret: string } | null> {
    const secret = newWebhookSecret();
    return (await this.o.repository.setSecret(boardId, id, this.o.box.seal(secret))) ? { secret } : null;
  }

  async deliveries(boardId: string, webhookId: string, limit = 50): Promise<DeliveryView[]> {
    return (await this.o.repository.listDeliveries(boardId, webhookId, limit)).map(deliveryView);
  }

  /** Sends a logged delivery again, as a new delivery with the same body (and event id). */
  async redeliver(boardId: string, deliveryId: string): Promise<DeliveryView | null> {
    const original = await this.o.repository.getDelivery(boardId, deliveryId);
    if (!original) return null;
    const again = this.pending(original.webhookId, boardId, original.event, original.body);
    await this.o.repository.addDeliveries([again]);
    void this.sendDue();
    return deliveryView(again);
  }

  /** `event` happened on the board: one delivery per webhook subscribed to it, sent at once. */
  async emit(boardId: string, event: WebhookEvent, data: unknown): Promise<void> {
    const hooks = (await this.o.repository.listWebhooks(boardId)).filter((h) => eventsOf(h).includes(event));
    if (hooks.length === 0) return;
    const envelope: WebhookEnvelope = {
      id: `evt_${randomId(16)}`,
      type: event,
      boardId,
      createdAt: new Date(this.o.now()).toISOString(),
      data,
    };
    const body = JSON.stringify(envelope);
    await this.o.repository.addDeliveries(hooks.map((h) => this.pending(h.id, boardId, event, body)));
    void this.sendDue();
  }

  /**
   * Starts a lane for each receiver with a delivery due that has none running; resolves once every
   * lane running by then has ended, with the attempts they made. Never waits for one receiver
   * before starting another's.
   */
  async sendDue(): Promise<number> {
    if (this.closed) return 0;
    try {
      const busy = [...this.lanes.keys()];
      const room = this.o.maxReceivers - busy.length;
      const due = room > 0 ? await this.o.repository.dueWebhooks(this.o.now(), busy, room) : [];
      // Every lane is full: the first to end looks again for the receivers left waiting.
      this.full = due.length >= room;
      // No await from here until the lanes are in the map, so two passes never start one receiver
      // twice; a lane's first step is an await, so it cannot end (and leave the map) before it is in.
      for (const webhookId of due) {
        if (this.closed) break;
        if (this.lanes.has(webhookId)) this.lookAgain.add(webhookId);
        else if (this.lanes.size < this.o.maxReceivers) this.lanes.set(webhookId, this.lane(webhookId));
        else this.full = true;
      }
    } catch (error) {
      log.error({ err: error }, 'webhooks: could not read the deliveries due');
    }
    const made = await Promise.all(this.lanes.values());
    return made.reduce((a, b) => a + b, 0);
  }

  /** One receiver's queue: its due deliveries one after another, oldest first, until none is due. */
  private async lane(webhookId: string): Promise<number> {
    let attempts = 0;
    try {
      do {
        this.lookAgain.delete(webhookId);
        for (;;) {
          const next = await this.o.repository.claimNext(webhookId, this.o.now(), this.o.timeoutMs * 2);
          if (!next) break;
          await this.attempt(next);
          attempts++;
          if (this.closed) break;
        }
        // A pass that found this receiver due while its claim was on the way asked to look again.
      } while (!this.closed && this.lookAgain.has(webhookId));
    } catch (error) {
      log.error({ err: error, webhook: webhookId }, 'webhooks: could not read or record deliveries');
    } finally {
      this.lanes.delete(webhookId);
      if (this.full && !this.closed) {
        this.full = false;
        void this.sendDue();
      }
    }
    return attempts;
  }

  private async attempt(delivery: StoredDelivery): Promise<void> {
    const hook = await this.o.repository.getWebhook(delivery.boardId, delivery.webhookId);
    const secret = hook ? this.o.box.open(hook.secretSealed) : null;
    const sentAt = this.o.now();
    const result =
      hook && secret
        ? await postOnce(hook.url, delivery.body, {
            timeoutMs: this.o.timeoutMs,
            allowPrivate: this.o.allowPrivate,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Journeyboard-Webhooks/1',
              [WEBHOOK_EVENT_HEADER]: delivery.event,
              [WEBHOOK_DELIVERY_HEADER]: delivery.id,
              [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(secret, delivery.body, Math.floor(sentAt / 1000)),
            },
          })
        : { status: null, error: hook ? 'secret-unreadable' : 'webhook-removed' };
    const attempts = delivery.attempts + 1;
    const retryAt = sentAt + Math.min(this.o.firstRetryMs * 2 ** (attempts - 1), this.o.maxDelayMs);
    const givingUp = !hook || retryAt > delivery.createdAt + this.o.giveUpAfterMs;
    const delivered = result.error === null;
    if (!delivered && result.error === 'secret-unreadable')
      log.error(
        { board: delivery.boardId, webhook: delivery.webhookId },
        'webhooks: a secret does not open with SECRETS_KEY',
      );
    await this.o.repository.recordAttempt(delivery.id, {
      state: delivered ? 'delivered' : givingUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: delivered || givingUp ? null : retryAt,
      deliveredAt: delivered ? this.o.now() : null,
      lastStatus: result.status,
      lastError: result.error,
    });
  }

  private pending(webhookId: string, boardId: string, event: WebhookEvent, body: string): StoredDelivery {
    const now = this.o.now();
    return {
      id: deliveryId(now),
      webhookId,
      boardId,
      event,
      body,
      state: 'pending',
      attempts: 0,
      createdAt: now,
      nextAttemptAt: now,
      leaseUntil: 0,
      deliveredAt: null,
      lastStatus: null,
      lastError: null,
    };
  }
}

let lastStamp = 0;

/**
 * `whd_`, then a base-36 stamp that grows with every id this process makes (the time, or one past
 * the last stamp when several come in one millisecond), then random: a receiver's queue is sent
 * in (createdAt, id) order, so events of one millisecond keep the order they were emitted in.
 */
function deliveryId(now: number): string {
  lastStamp = Math.max(now, lastStamp + 1);
  return `whd_${lastStamp.toString(36).padStart(9, '0')}${randomId(8)}`;
}

const REFUSAL_MESSAGES: Record<TargetRefusal, string> = {
  'not-http': 'A webhook URL starts with https:// or http://.',
  'credentials-in-url': 'Put no user name or password in a webhook URL; verify the signature instead.',
  'private-address':
    'This server does not send webhooks to this machine or to private networks (the operator can allow it with WEBHOOK_ALLOW_PRIVATE).',
};

function eventsOf(hook: StoredWebhook): WebhookEvent[] {
  try {
    const parsed: unknown = JSON.parse(hook.events);
    return Array.isArray(parsed) ? WEBHOOK_EVENTS.filter((e) => parsed.includes(e)) : [];
  } catch {
    return [];
  }
}

function view(hook: StoredWebhook): WebhookView {
  return { id: hook.id, url: hook.url, events: eventsOf(hook), createdAt: new Date(hook.createdAt).toISOString() };
}

function deliveryView(d: StoredDelivery): DeliveryView {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    state: d.state,
    attempts: d.attempts,
    createdAt: iso(d.createdAt)!,
    nextAttemptAt: iso(d.nextAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    body: d.body,
  };
}
