import { describe, expect, it } from 'vitest';
import type { DeliveryView, WebhookCreated, WebhookView } from '../../shared/protocol/webhooks.ts';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer } from '../testing/testServer.ts';

/** The webhook routes as an outside client calls them: facilitators only, secrets shown once. */
describe('webhook routes', () => {
  const cleanups = cleanupsAfterEach();

  const setUp = async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
    const call = (path: string, token: string, init: RequestInit = {}) =>
      fetchAsPerson(`${server.url}/api/boards/${id}${path}`, token, {
        ...init,
        headers: { 'content-type': 'application/json', ...init.headers },
      });
    return { server, id, tokens, call };
  };
  const add = (url: string) => ({
    method: 'POST',
    body: JSON.stringify({ url, events: ['round.revealed', 'board.restored'] }),
  });

  it('a facilitator adds, lists, rotates and removes; the secret is shown once and never listed', async () => {
    const { call, tokens } = await setUp();
    const created = await call('/webhooks', tokens.facilitator, add('https://hooks.example.com/jb'));
    expect(created.status).toBe(201);
    const { webhook, secret } = (await created.json()) as WebhookCreated;
    expect(secret).toMatch(/^whsec_/);
    const listed = await call('/webhooks', tokens.facilitator);
    expect(await listed.json()).toEqual([webhook]);
    expect(JSON.stringify(await (await call('/webhooks', tokens.facilitator)).json())).not.toContain(secret);

    const rotated = await call(`/webhooks/${webhook.id}/secret`, tokens.facilitator, { method: 'POST' });
    expect(rotated.status).toBe(200);
    expect(((await rotated.json()) as { secret: string }).secret).not.toBe(secret);

    expect((await call(`/webhooks/${webhook.id}`, tokens.facilitator, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/webhooks/${webhook.id}`, tokens.facilitator, { method: 'DELETE' })).status).toBe(404);
    expect(await (await call('/webhooks', tokens.facilitator)).json()).toEqual([]);
  });

  it('editors, commenters and viewers are refused every webhook route; another board’s webhook is not found', async () => {
    const { call, tokens, server } = await setUp();
    const { webhook } = (await (
      await call('/webhooks', tokens.facilitator, add('https://hooks.example.com/jb'))
    ).json()) as WebhookCreated;
    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      expect((await call('/webhooks', tokens[role])).status, role).toBe(403);
      expect((await call('/webhooks', tokens[role], add('https://hooks.example.com/x'))).status, role).toBe(403);
      expect((await call(`/webhooks/${webhook.id}/secret`, tokens[role], { method: 'POST' })).status, role).toBe(403);
      expect((await call(`/webhooks/${webhook.id}`, tokens[role], { method: 'DELETE' })).status, role).toBe(403);
    }
    const other = await createBoardWithLinks(server.url, { template: 'blank' });
    const foreign = await fetchAsPerson(
      `${server.url}/api/boards/${other.id}/webhooks/${webhook.id}/secret`,
      other.tokens.facilitator,
      { method: 'POST' },
    );
    expect(foreign.status).toBe(404);
    expect((await call('/webhooks', 'not-a-token')).status).toBe(401);
  });

  it('refuses a private target, a URL with credentials, a bad body and unknown events, each with a clear message', async () => {
    const { call, tokens } = await setUp();
    const refused = async (body: unknown) => {
      const res = await call('/webhooks', tokens.facilitator, { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await refused({ url: 'http://127.0.0.1:8080/x', events: ['round.revealed'] })).toMatch(/private networks/);
    expect(await refused({ url: 'http://169.254.169.254/latest', events: ['round.revealed'] })).toMatch(/private/);
    expect(await refused({ url: 'https://u:p@hooks.example.com/x', events: ['round.revealed'] })).toMatch(/password/);
    expect(await refused({ url: 'not a url', events: ['round.revealed'] })).toMatch(/full URL/);
    expect(await refused({ url: 'https://hooks.example.com/x', events: [] })).toMatch(/at least one event/);
    expect(await refused({ url: 'https://hooks.example.com/x', events: ['board.deleted'] })).toBeTruthy();
    expect(await (await call('/webhooks', tokens.facilitator)).json()).toEqual([]);
  });

  it('the delivery log shows a failed attempt, and a redelivery is queued as a new delivery with the same body', async () => {
    const { call, tokens, server, id } = await setUp();
    const { webhook } = (await (
      await call('/webhooks', tokens.facilitator, add('https://hooks.invalid/jb'))
    ).json()) as WebhookCreated;
    await server.server.webhooks.emit(id, 'board.restored', { checkpoint: null });
    const log = await waitFor(
      async () => {
        const deliveries = (await (
          await call(`/webhooks/${webhook.id}/deliveries`, tokens.facilitator)
        ).json()) as DeliveryView[];
        return deliveries[0]?.attempts === 1 ? deliveries : null;
      },
      { what: 'the first attempt in the log' },
    );
    expect(log[0]).toMatchObject({ event: 'board.restored', state: 'pending', lastStatus: null });
    expect(log[0]!.lastError).toBeTruthy();
    const again = await call(`/webhooks/deliveries/${log[0]!.id}/redeliver`, tokens.facilitator, { method: 'POST' });
    expect(again.status).toBe(202);
    const queued = (await again.json()) as DeliveryView;
    expect(queued.id).not.toBe(log[0]!.id);
    expect(queued.body).toBe(log[0]!.body);
    expect(
      (await call('/webhooks/deliveries/whd_nothere/redeliver', tokens.facilitator, { method: 'POST' })).status,
    ).toBe(404);
    expect((await call('/webhooks/wh_nothere/deliveries', tokens.facilitator)).status).toBe(404);
    const views = (await (await call('/webhooks', tokens.facilitator)).json()) as WebhookView[];
    expect(views.map((v) => v.id)).toEqual([webhook.id]);
  });
});
