import type { DeliveryView, WebhookCreated, WebhookEvent, WebhookView } from '../../shared/protocol/webhooks.ts';
import { callApi } from './http.ts';

/** A board's webhooks (docs/api.md, "Webhooks"): facilitators only, with this person's share token. */
export class WebhooksApi {
  private readonly base: string;
  private readonly token: () => string | null;

  constructor(boardId: string, token: () => string | null) {
    this.base = `/api/boards/${encodeURIComponent(boardId)}/webhooks`;
    this.token = token;
  }

  async list(): Promise<readonly WebhookView[]> {
    return (await callApi('GET', this.base, this.token())) as WebhookView[];
  }

  /** The new webhook and its signing secret, which the server shows this once. */
  async add(url: string, events: readonly WebhookEvent[]): Promise<WebhookCreated> {
    return (await callApi('POST', this.base, this.token(), { url, events })) as WebhookCreated;
  }

  async remove(id: string): Promise<void> {
    await callApi('DELETE', `${this.base}/${encodeURIComponent(id)}`, this.token());
  }

  /** A new secret, shown this once; the old one stops signing at once. */
  async rotateSecret(id: string): Promise<string> {
    return (
      (await callApi('POST', `${this.base}/${encodeURIComponent(id)}/secret`, this.token())) as { secret: string }
    ).secret;
  }

  async deliveries(id: string): Promise<readonly DeliveryView[]> {
    return (await callApi('GET', `${this.base}/${encodeURIComponent(id)}/deliveries`, this.token())) as DeliveryView[];
  }

  async redeliver(deliveryId: string): Promise<DeliveryView> {
    return (await callApi(
      'POST',
      `${this.base}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      this.token(),
    )) as DeliveryView;
  }
}
