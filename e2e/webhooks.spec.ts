import { startReceiver } from '../server/testing/httpReceiver.ts';
import { seriousViolations } from './axe.ts';
import { boardPageAs, expect, FAY, test } from './fixtures.ts';
import { TestServer } from './server.ts';
import { restoreACheckpoint, WebhooksObject } from './WebhooksObject.ts';

/**
 * A facilitator manages the board's webhooks in the app: adds one pointing at a receiver this test
 * starts on 127.0.0.1 (so the server allows private targets), sees its secret once, sees a
 * delivery in the log, sends it again, replaces the secret and removes the webhook.
 */
test.describe('webhooks panel', () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  test.beforeEach(async () => {
    receiver = await startReceiver();
    server = new TestServer({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    await server.start();
  });
  test.afterEach(async () => {
    await server.dispose();
    await receiver.close();
  });

  test('add a webhook, see its secret once and a delivery in the log, send it again, new secret, remove', async ({
    browser,
  }) => {
    const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
    const fay = await boardPageAs(browser, server, FAY);
    await fay.open(boardId);
    const hooks = new WebhooksObject(fay.page);
    await hooks.open();
    await expect(hooks.dialog).toContainText('No webhooks yet.');

    const secret = await hooks.add(receiver.url, ['board.restored', 'round.revealed']);
    await expect(hooks.item(receiver.url)).toContainText('Board restored');
    expect(await seriousViolations(fay.page, '.webhooks-dialog')).toEqual([]);
    await hooks.dialog.getByTestId('webhook-secret-done').click();
    await expect(hooks.dialog.getByTestId('webhook-secret')).toHaveCount(0);

    await restoreACheckpoint(server.url, boardId);
    await hooks.waitForDelivery(receiver.url, 'Board restored', 'delivered');
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['board.restored']);
    expect(await seriousViolations(fay.page, '.webhooks-dialog')).toEqual([]);

    await hooks.item(receiver.url).getByTestId('redeliver').first().click();
    await expect.poll(() => receiver.received.length).toBe(2);
    expect(JSON.parse(receiver.received[1]!.body).id).toBe(JSON.parse(receiver.received[0]!.body).id);

    await hooks.item(receiver.url).getByTestId('webhook-rotate').click();
    expect(await hooks.shownSecret()).not.toBe(secret);

    await hooks.item(receiver.url).getByTestId('webhook-remove').click();
    await hooks.item(receiver.url).getByTestId('webhook-remove-confirm').click();
    await expect(hooks.dialog.getByTestId('webhook-item')).toHaveCount(0);
    await expect(hooks.dialog).toContainText('No webhooks yet.');
  });

  test('a URL the server refuses is explained in the dialog and nothing is added', async ({ browser }) => {
    const boardId = await server.createBoard('Checkout workshop');
    const fay = await boardPageAs(browser, server, FAY);
    await fay.open(boardId);
    const hooks = new WebhooksObject(fay.page);
    await hooks.open();
    await hooks.dialog.getByLabel('Receiver URL').fill('https://user:pw@hooks.example.com/x');
    await hooks.dialog.getByTestId('webhook-add').click();
    await expect(hooks.dialog.getByRole('alert')).toContainText(/password/);
    await expect(hooks.dialog.getByTestId('webhook-item')).toHaveCount(0);
  });
});
