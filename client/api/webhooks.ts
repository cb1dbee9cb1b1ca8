import type { DeliveryView, WebhookCreated, WebhookEvent, WebhookView } from '../../shared/protocol/webhooks.ts';
import { BoardRoutes } from './http.ts';

/** A board's webhooks (docs/api.md, "Webhooks"): facilitators only, with this person's share token. */
export class WebhooksApi extends BoardRoutes {
  constructor(boardId: string, token: () => string | null) {
    super(boardId, 'webhooks', token);
  }

  async list(): Promise<readonly WebhookView[]> {
    return (await this.call('GET', this.base)) as WebhookView[];
  }

  /** The new webhook and its signing secret, which the server shows this once. */
  async add(url: string, events: readonly WebhookEvent[]): Promise<WebhookCreated> {
    return (await this.call('POST', this.base, { url, events })) as WebhookCreated;
  }

  async remove(id: string): Promise<void> {
    await this.call('DELETE', `${this.base}/${encodeURIComponent(id)}`);
  }

  /** A new secret, shown this once; the old one stops signing at once. */
  async rotateSecret(id: string): Promise<string> {
    return ((await this.call('POST', `${this.base}/${encodeURIComponent(id)}/secret`)) as { secret: string }).secret;
  }

  async deliveries(id: string): Promise<readonly DeliveryView[]> {
    return (await this.call('GET', `${this.base}/${encodeURIComponent(id)}/deliveries`)) as DeliveryView[];
  }

  async redeliver(deliveryId: string): Promise<DeliveryView> {
    return (await this.call(
      'POST',
      `${this.base}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
    )) as DeliveryView;
  }
}
