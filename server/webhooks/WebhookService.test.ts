import crypto from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookCreated, WebhookEnvelope } from '../../shared/protocol/webhooks.ts';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import { startReceiver } from '../testing/httpReceiver.ts';
import { waitFor } from '../testing/providers.ts';
import { isPrivateAddress, PrivateAddressError, publicOnlyLookup } from './safeTarget.ts';
import { SecretBox } from './secretBox.ts';
import { verifySignature } from './signature.ts';
import { WebhookService, type WebhookServiceOptions } from './WebhookService.ts';

const open = testDatabases();
const BOARD = 'board0000001';
const OTHER = 'board0000002';

describe('webhooks: signed deliveries, retries, a delivery log, and no private targets', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  const setUp = async (options: Partial<WebhookServiceOptions> = {}, name: (typeof DATABASES)[number] = 'SQLite') => {
    const { store } = await open(name);
    await store.boards.createBoard({ id: BOARD, title: 'Board', createdAt: 1, snapshot: new Uint8Array([1]) });
    const box = new SecretBox(crypto.randomBytes(32));
    const make = (more: Partial<WebhookServiceOptions> = {}) => {
      const service = new WebhookService({
        repository: store.webhooks,
        box,
        allowPrivate: true,
        firstRetryMs: 1,
        timeoutMs: 2_000,
        ...options,
        ...more,
      });
      cleanups.push(() => service.close());
      return service;
    };
    return { store, box, service: make(), make };
  };
  const created = (result: Awaited<ReturnType<WebhookService['create']>>) => {
    if (!('secret' in result)) throw new Error(`refused: ${result.code}`);
    return result as WebhookCreated;
  };

  it('delivers an event as signed JSON that the receiver verifies with the secret shown once', async () => {
    const { service, store } = await setUp();
    const receiver = await startReceiver((_, res) => res.writeHead(204).end());
    cleanups.push(receiver.close);
    const { webhook, secret } = created(await service.create(BOARD, receiver.url, ['round.revealed']));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect((await service.list(BOARD))[0]).toEqual(webhook);
    const stored = await store.webhooks.getWebhook(BOARD, webhook.id);
    expect(Buffer.from(stored!.secretSealed).includes(Buffer.from(secret))).toBe(false); // sealed, not in the clear

    await service.emit(BOARD, 'board.restored', { checkpointId: 'c1' }); // not subscribed: nothing
    await service.emit(BOARD, 'round.revealed', { title: 'Top pains' });
    await waitFor(() => receiver.received.length === 1, { what: 'the delivery' });

    const [got] = receiver.received;
    const envelope = JSON.parse(got!.body) as WebhookEnvelope;
    expect(envelope).toMatchObject({ type: 'round.revealed', boardId: BOARD, data: { title: 'Top pains' } });
    expect(got!.headers['journeyboard-event']).toBe('round.revealed');
    const signature = String(got!.headers['journeyboard-signature']);
    expect(verifySignature(secret, got!.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature(secret, `${got!.body} `, signature, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifySignature('whsec_wrong', got!.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
    await waitFor(async () => (await service.deliveries(BOARD, webhook.id))[0]?.state === 'delivered', {
      what: 'the log to say delivered',
    });
    expect((await service.deliveries(BOARD, webhook.id))[0]).toMatchObject({
      id: got!.headers['journeyboard-delivery'],
      attempts: 1,
      lastStatus: 204,
      lastError: null,
      body: got!.body,
    });
  });

  it('retries after a 500 and after a timeout, then delivers; the log says how many attempts', async () => {
    const { service } = await setUp({ timeoutMs: 300 });
    // First a 500, then no answer at all (held until the test ends), then 200.
    const receiver = await startReceiver((n, res) => {
      if (n === 1) res.writeHead(500).end('busy');
      else if (n === 3) res.writeHead(200).end('ok');
    });
    cleanups.push(receiver.close);
    const { webhook } = created(await service.create(BOARD, receiver.url, ['priorities.changed']));
    await service.emit(BOARD, 'priorities.changed', { count: 3 });
    await waitFor(
      async () => {
        await service.sendDue();
        return (await service.deliveries(BOARD, webhook.id))[0]?.state === 'delivered';
      },
      { what: 'the third attempt to be delivered' },
    );
    expect(receiver.received.map((r) => r.body)).toEqual(Array(3).fill(receiver.received[0]!.body)); // same body each time
    expect((await service.deliveries(BOARD, webhook.id))[0]).toMatchObject({ attempts: 3, lastStatus: 200 });
  });

  it('does not follow a redirect, and gives up after a day of failures', async () => {
    let now = 1_000_000;
    const { service } = await setUp({ now: () => now, firstRetryMs: 60_000 });
    const elsewhere = await startReceiver((_, res) => res.writeHead(200).end());
    cleanups.push(elsewhere.close);
    const redirecting = await startReceiver((_, res) => res.writeHead(302, { location: elsewhere.url }).end());
    cleanups.push(redirecting.close);
    const { webhook } = created(await service.create(BOARD, redirecting.url, ['board.restored']));
    await service.emit(BOARD, 'board.restored', {});
    await waitFor(async () => (await service.deliveries(BOARD, webhook.id))[0]?.attempts === 1, { what: 'attempt 1' });
    expect((await service.deliveries(BOARD, webhook.id))[0]).toMatchObject({
      state: 'pending',
      lastStatus: 302,
      lastError: 'redirect-not-followed',
    });
    expect(elsewhere.received).toEqual([]);

    now += 25 * 60 * 60_000; // a day and an hour later: this attempt is the last
    await service.sendDue();
    expect((await service.deliveries(BOARD, webhook.id))[0]).toMatchObject({
      state: 'failed',
      attempts: 2,
      nextAttemptAt: null,
    });
    expect(elsewhere.received).toEqual([]);
  });

  it('sends a logged delivery again on request, with the same event; a rotated secret signs from then on', async () => {
    const { service } = await setUp();
    const receiver = await startReceiver((_, res) => res.writeHead(200).end());
    cleanups.push(receiver.close);
    const { webhook, secret } = created(await service.create(BOARD, receiver.url, ['comment.mentioned']));
    await service.emit(BOARD, 'comment.mentioned', { thread: 't1' });
    await waitFor(() => receiver.received.length === 1, { what: 'the first delivery' });
    const rotated = await service.rotateSecret(BOARD, webhook.id);
    expect(rotated!.secret).not.toBe(secret);
    expect(await service.rotateSecret('board0000002', webhook.id)).toBeNull(); // not this board's

    const first = (await service.deliveries(BOARD, webhook.id))[0]!;
    const again = await service.redeliver(BOARD, first.id);
    expect(again).toMatchObject({ state: 'pending', body: first.body });
    expect(await service.redeliver('board0000002', first.id)).toBeNull();
    await waitFor(() => receiver.received.length === 2, { what: 'the redelivery' });
    const [one, two] = receiver.received;
    expect(JSON.parse(two!.body).id).toBe(JSON.parse(one!.body).id);
    const nowS = Math.floor(Date.now() / 1000);
    expect(verifySignature(rotated!.secret, two!.body, String(two!.headers['journeyboard-signature']), nowS)).toBe(
      true,
    );
    expect(verifySignature(secret, two!.body, String(two!.headers['journeyboard-signature']), nowS)).toBe(false);
  });

  it('refuses targets on this machine or private networks unless allowed, also when a name resolves there', async () => {
    const { service } = await setUp({ allowPrivate: false });
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:9/x',
      'http://[::1]:9/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:192.168.0.1]/x',
    ])
      expect(await service.create(BOARD, url, ['round.revealed']), url).toMatchObject({ code: 'private-address' });
    expect(await service.create(BOARD, 'ftp://hooks.example.com/x', ['round.revealed'])).toMatchObject({
      code: 'not-http',
    });
    expect(await service.create(BOARD, 'https://u:p@hooks.example.com/x', ['round.revealed'])).toMatchObject({
      code: 'credentials-in-url',
    });
    expect(isPrivateAddress('93.184.215.14')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    // A name checked at connect time: `localhost` resolves to a loopback address and is refused there.
    const error = await new Promise<Error | null>((resolve) =>
      publicOnlyLookup(false)('localhost', {}, (e) => resolve(e)),
    );
    expect(error).toBeInstanceOf(PrivateAddressError);
  });

  it('records a secret that does not open (another key, a damaged row) as the reason, and sends nothing', async () => {
    const { service, make } = await setUp();
    const receiver = await startReceiver((_, res) => res.writeHead(200).end());
    cleanups.push(receiver.close);
    const { webhook } = created(await service.create(BOARD, receiver.url, ['round.revealed']));
    await service.close();
    const otherKey = make({ box: new SecretBox(crypto.randomBytes(32)) });
    await otherKey.emit(BOARD, 'round.revealed', {});
    await otherKey.sendDue();
    expect((await otherKey.deliveries(BOARD, webhook.id))[0]).toMatchObject({ lastError: 'secret-unreadable' });
    expect(receiver.received).toEqual([]);
  });

  it('closing waits for the attempt in flight only, not for a backlog to a receiver that never answers', async () => {
    const { service } = await setUp({ timeoutMs: 300 });
    const stuck = await startReceiver(() => {}); // never answers: each attempt ends at the timeout
    cleanups.push(stuck.close);
    created(await service.create(BOARD, stuck.url, ['round.revealed']));
    await Promise.all(Array.from({ length: 40 }, (_, i) => service.emit(BOARD, 'round.revealed', { i })));
    await waitFor(() => stuck.received.length >= 1, { what: 'the first attempts' });
    await service.close();
    // One attempt per receiver is in flight; the 39 deliveries behind it wait for the next start.
    expect(stuck.received.length).toBe(1);
  });

  it.each(DATABASES)(
    'a receiver that never answers holds up no other receiver, on this board or another (%s)',
    async (name) => {
      // Long enough that the stuck attempt is still open when the test ends (the receiver closing ends it).
      const { service, store } = await setUp({ timeoutMs: 60_000 }, name);
      await store.boards.createBoard({ id: OTHER, title: 'Other', createdAt: 1, snapshot: new Uint8Array([1]) });
      const stuck = await startReceiver(() => {});
      cleanups.push(stuck.close);
      const good = await startReceiver((_, res) => res.writeHead(204).end());
      cleanups.push(good.close);
      const stuckHook = created(await service.create(BOARD, stuck.url, ['round.revealed'])).webhook;
      created(await service.create(BOARD, good.url, ['round.revealed']));
      created(await service.create(OTHER, good.url, ['round.revealed']));

      await service.emit(BOARD, 'round.revealed', { n: 1 }); // to both receivers of BOARD
      await waitFor(() => stuck.received.length === 1, { what: 'the stuck receiver to get its request' });
      await service.emit(OTHER, 'round.revealed', { n: 2 }); // while that request is open
      await waitFor(() => good.received.length === 2, { what: 'both deliveries at the good receiver' });
      expect(good.received.map((r) => JSON.parse(r.body).boardId).sort()).toEqual([BOARD, OTHER].sort());
      // …while the stuck one is still waiting for its answer.
      expect((await service.deliveries(BOARD, stuckHook.id))[0]).toMatchObject({ state: 'pending', attempts: 0 });
      expect(stuck.received).toHaveLength(1);
    },
  );

  it('sends to one receiver one delivery at a time, in the order the events happened', async () => {
    const { service, store, make } = await setUp();
    const held: ServerResponse[] = [];
    const receiver = await startReceiver((_, res) => held.push(res));
    cleanups.push(receiver.close);
    const { webhook } = created(await service.create(BOARD, receiver.url, ['round.revealed']));
    await service.close(); // events are logged but not sent: all six are due when the sender starts
    for (let i = 0; i < 6; i++) await service.emit(BOARD, 'round.revealed', { i });
    const sender = make();
    const sending = sender.sendDue();
    for (let i = 0; i < 6; i++) {
      await waitFor(() => held.length === i + 1, { what: `delivery ${i}` });
      // Only the delivery at the receiver is taken; the others wait in the queue, untouched.
      const log = await store.webhooks.listDeliveries(BOARD, webhook.id, 10);
      expect(log.filter((d) => d.leaseUntil > 0)).toHaveLength(1);
      expect(receiver.received).toHaveLength(i + 1);
      held[i]!.writeHead(204).end();
    }
    await sending;
    expect(receiver.received.map((r) => JSON.parse(r.body).data.i)).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await sender.deliveries(BOARD, webhook.id)).every((d) => d.state === 'delivered')).toBe(true);
  });

  it.each(DATABASES)('two instances on one %s database send each delivery once', async (name) => {
    const { service, make } = await setUp({}, name);
    const other = make();
    const receiver = await startReceiver((_, res) => res.writeHead(200).end());
    cleanups.push(receiver.close);
    created(await service.create(BOARD, receiver.url, ['round.revealed']));
    await Promise.all(Array.from({ length: 20 }, (_, i) => service.emit(BOARD, 'round.revealed', { i })));
    await Promise.all([service.sendDue(), other.sendDue(), service.sendDue(), other.sendDue()]);
    await waitFor(() => receiver.received.length >= 20, { what: 'twenty deliveries' });
    await Promise.all([service.sendDue(), other.sendDue()]);
    const seen = receiver.received.map((r) => r.headers['journeyboard-delivery']);
    expect(new Set(seen).size).toBe(20);
    expect(seen).toHaveLength(20);
  });
});
