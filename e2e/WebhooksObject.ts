import { expect, type Locator, type Page } from '@playwright/test';
import { DialogObject } from './DialogObject.ts';
import { linkFor } from './server.ts';
import { pressBarControl } from './tools/barControl.ts';

/** The facilitator's Webhooks dialog (client/ui/webhooks/), opened from Facilitate. */
export class WebhooksObject extends DialogObject {
  constructor(page: Page) {
    super(page, 'Webhooks');
  }

  async open(): Promise<void> {
    await pressBarControl(this.page, 'facilitate-button');
    await this.page.getByTestId('webhooks-button').click();
    await expect(this.dialog).toBeVisible();
  }

  /** Adds a webhook for `url` with these events (and no others); returns the secret shown once. */
  async add(url: string, events: readonly string[]): Promise<string> {
    await this.dialog.getByLabel('Receiver URL').fill(url);
    for (const box of await this.dialog.locator('[data-testid^="webhook-event-"]').all()) {
      const event = (await box.getAttribute('data-testid'))!.replace('webhook-event-', '');
      await box.setChecked(events.includes(event));
    }
    await this.dialog.getByTestId('webhook-add').click();
    return this.shownSecret();
  }

  async shownSecret(): Promise<string> {
    const secret = this.dialog.getByTestId('webhook-secret');
    await expect(secret).toHaveValue(/^whsec_/);
    return secret.inputValue();
  }

  item(url: string): Locator {
    return this.dialog.getByTestId('webhook-item').filter({ hasText: url });
  }

  /** Opens the item's delivery log and refreshes it until a delivery of `event` is in `state`. */
  async waitForDelivery(url: string, event: string, state: 'delivered' | 'pending' | 'failed'): Promise<Locator> {
    const item = this.item(url);
    if ((await item.getByTestId('webhook-deliveries').getAttribute('aria-expanded')) !== 'true')
      await item.getByTestId('webhook-deliveries').click();
    const row = item.locator(`[data-testid="delivery"][data-state="${state}"]`).filter({ hasText: event });
    await expect(async () => {
      await item.getByTestId('deliveries-refresh').click();
      await expect(row.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    return row;
  }
}

/** Restores a checkpoint as the board's facilitator over HTTP, as another tab would: a board.restored event. */
export async function restoreACheckpoint(serverUrl: string, boardId: string): Promise<void> {
  const token = new URL(linkFor(boardId), serverUrl).hash.replace('#token=', '');
  const auth = { Authorization: `Bearer ${token}` };
  const person = (await (
    await fetch(`${serverUrl}/api/boards/${boardId}/identities`, { method: 'POST', headers: auth })
  ).json()) as { credential: string };
  const headers = { ...auth, 'X-Journeyboard-Credential': person.credential, 'content-type': 'application/json' };
  const saved = await fetch(`${serverUrl}/api/boards/${boardId}/checkpoints`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ label: 'Before the workshop' }),
  });
  const { id } = (await saved.json()) as { id: string };
  const restored = await fetch(`${serverUrl}/api/boards/${boardId}/checkpoints/${id}/restore`, {
    method: 'POST',
    headers,
  });
  expect(restored.status).toBe(200);
}
