import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import type { StoredDelivery, StoredWebhook } from './WebhookRepository.ts';

const open = testDatabases();

const hook = (id: string, boardId = 'board0000001'): StoredWebhook => ({
  id,
  boardId,
  url: 'https://hooks.example.com/jb',
  events: '["round.revealed"]',
  secretSealed: new Uint8Array([1, 2, 3]),
  createdAt: 1000,
});
const delivery = (id: string, webhookId: string, nextAttemptAt: number): StoredDelivery => ({
  id,
  webhookId,
  boardId: 'board0000001',
  event: 'round.revealed',
  body: '{"id":"evt_1"}',
  state: 'pending',
  attempts: 0,
  createdAt: nextAttemptAt,
  nextAttemptAt,
  leaseUntil: 0,
  deliveredAt: null,
  lastStatus: null,
  lastError: null,
});

describe.each(DATABASES)('WebhookRepository on %s', (name) => {
  const withBoards = async () => {
    const s = await open(name);
    for (const id of ['board0000001', 'board0000002'])
      await s.store.boards.createBoard({ id, title: id, createdAt: 1, snapshot: new Uint8Array([1]) });
    return s;
  };

  it('keeps a board’s webhooks apart from another board’s; removing one removes its delivery log', async () => {
    const { store, reopen } = await withBoards();
    await store.webhooks.addWebhook(hook('wh_a'));
    await store.webhooks.addWebhook(hook('wh_b', 'board0000002'));
    await store.webhooks.addDeliveries([delivery('whd_1', 'wh_a', 10)]);
    expect((await store.webhooks.listWebhooks('board0000001')).map((h) => h.id)).toEqual(['wh_a']);
    expect(await store.webhooks.getWebhook('board0000002', 'wh_a')).toBeNull(); // another board's id
    expect(await store.webhooks.deleteWebhook('board0000002', 'wh_a')).toBe(false);
    const again = await reopen();
    expect(await again.webhooks.getWebhook('board0000001', 'wh_a')).toEqual(hook('wh_a'));
    expect(await again.webhooks.deleteWebhook('board0000001', 'wh_a')).toBe(true);
    expect(await again.webhooks.getDelivery('board0000001', 'whd_1')).toBeNull();
  });

  it('hands a due delivery to one claimer only, until the lease runs out; an attempt lets it go', async () => {
    const { store } = await withBoards();
    await store.webhooks.addWebhook(hook('wh_a'));
    await store.webhooks.addDeliveries([delivery('whd_due', 'wh_a', 100), delivery('whd_later', 'wh_a', 500)]);

    expect(await store.webhooks.dueWebhooks(200, [], 10)).toEqual(['wh_a']);
    const [first, second] = await Promise.all([
      store.webhooks.claimNext('wh_a', 200, 1000),
      store.webhooks.claimNext('wh_a', 200, 1000),
    ]);
    expect([first, second].filter((d) => d !== null).map((d) => d.id)).toEqual(['whd_due']);
    // The later one is due at 1100, but the webhook's first is held until 1200: one at a time.
    expect(await store.webhooks.claimNext('wh_a', 1100, 1000)).toBeNull();
    // Nor is it listed as due: another instance's lane would find nothing to claim, end at once
    // and start a pass that lists it again (a loop of queries while the first attempt runs).
    expect(await store.webhooks.dueWebhooks(1100, [], 10)).toEqual([]);
    await store.webhooks.recordAttempt('whd_due', {
      state: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      deliveredAt: 1200,
      lastStatus: 204,
      lastError: null,
    });
    expect((await store.webhooks.claimNext('wh_a', 1100, 1000))?.id).toBe('whd_later');
    const log = await store.webhooks.listDeliveries('board0000001', 'wh_a', 10);
    expect(log.map((d) => [d.id, d.state, d.leaseUntil])).toEqual([
      ['whd_later', 'pending', 2100],
      ['whd_due', 'delivered', 0],
    ]);
    expect(await store.webhooks.dueWebhooks(1100, [], 10)).toEqual([]);
    // Its claimer never recorded an attempt (it died): once the lease has run out another takes it.
    expect((await store.webhooks.claimNext('wh_a', 5000, 1000))?.id).toBe('whd_later');
  });

  it('lists each receiver with something due once, most overdue first, leaving out the busy ones', async () => {
    const { store } = await withBoards();
    for (const id of ['wh_a', 'wh_b', 'wh_c']) await store.webhooks.addWebhook(hook(id));
    await store.webhooks.addDeliveries([
      delivery('whd_a1', 'wh_a', 300),
      delivery('whd_a2', 'wh_a', 310),
      delivery('whd_b1', 'wh_b', 100),
      delivery('whd_c1', 'wh_c', 900),
    ]);
    expect(await store.webhooks.dueWebhooks(500, [], 10)).toEqual(['wh_b', 'wh_a']);
    expect(await store.webhooks.dueWebhooks(500, ['wh_b'], 10)).toEqual(['wh_a']);
    expect(await store.webhooks.dueWebhooks(1000, [], 2)).toEqual(['wh_b', 'wh_a']);
    // A receiver's deliveries go in the order the events happened.
    expect((await store.webhooks.claimNext('wh_a', 500, 1000))?.id).toBe('whd_a1');
  });

  it('forgets finished deliveries older than a date, never pending ones', async () => {
    const { store } = await withBoards();
    await store.webhooks.addWebhook(hook('wh_a'));
    await store.webhooks.addDeliveries([delivery('whd_old', 'wh_a', 10), delivery('whd_pending', 'wh_a', 20)]);
    await store.webhooks.recordAttempt('whd_old', {
      state: 'failed',
      attempts: 9,
      nextAttemptAt: null,
      deliveredAt: null,
      lastStatus: 500,
      lastError: 'http-500',
    });
    expect(await store.webhooks.pruneDeliveries(1000)).toBe(1);
    expect((await store.webhooks.listDeliveries('board0000001', 'wh_a', 10)).map((d) => d.id)).toEqual(['whd_pending']);
  });
});
