import { afterEach, describe, expect, it } from 'vitest';
import type { VoterIdentity } from '../../shared/protocol/voting.ts';
import type { WebhookCreated, WebhookEnvelope } from '../../shared/protocol/webhooks.ts';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { startReceiver } from '../testing/httpReceiver.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer } from '../testing/testServer.ts';
import { VotingClient } from '../testing/votingClient.ts';

const fran: VoterIdentity = { id: 'user-fran', name: 'Fran', department: 'product' };
const ann: VoterIdentity = { id: 'user-ann', name: 'Ann', department: 'sales' };

/** The server's own events reach a subscribed receiver: a revealed round and a restored checkpoint. */
describe('webhook events from a running server', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('a named round’s reveal arrives with the totals and no voter’s name; a restore arrives as board.restored', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const received = () => receiver.received.map((r) => JSON.parse(r.body) as WebhookEnvelope);
    const server = await startTestServer({ webhookAllowPrivate: true });
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const hook = (await server.server.webhooks.create(id, receiver.url, [
      'round.revealed',
      'board.restored',
    ])) as WebhookCreated;
    expect(hook.secret).toBeTruthy();

    const facilitator = await VotingClient.connect(server.wsUrl, id, tokens.facilitator, fran);
    const voter = await VotingClient.connect(server.wsUrl, id, tokens.editor, ann);
    cleanups.push(
      () => facilitator.destroy(),
      () => voter.destroy(),
    );
    const [pain] = voter.notes('pain');
    const roundId = await facilitator.start({ title: 'Biggest pains', dotsPerPerson: 2, anonymous: false });
    await voter.dot(roundId, pain!.id);
    await facilitator.close(roundId, 'reveal');
    const revealed = await waitFor(() => received().find((e) => e.type === 'round.revealed'), {
      what: 'round.revealed',
    });
    expect(revealed).toMatchObject({
      boardId: id,
      data: {
        roundId,
        title: 'Biggest pains',
        voterCount: 1,
        results: [{ noteId: pain!.id, dots: 1, text: pain!.text }],
      },
    });
    expect(JSON.stringify(revealed)).not.toContain('Ann');

    const saved = await fetchAsPerson(`${server.url}/api/boards/${id}/checkpoints`, tokens.facilitator, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Before the change' }),
    });
    const checkpoint = (await saved.json()) as { id: string };
    const restored = await fetchAsPerson(
      `${server.url}/api/boards/${id}/checkpoints/${checkpoint.id}/restore`,
      tokens.facilitator,
      { method: 'POST' },
    );
    expect(restored.status).toBe(200);
    const event = await waitFor(() => received().find((e) => e.type === 'board.restored'), { what: 'board.restored' });
    expect(event.data).toMatchObject({ checkpoint: { id: checkpoint.id, label: 'Before the change' } });
  });

  it('an action’s status change arrives as action.status_changed and priorities.changed, once, after the edits settle', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const received = () => receiver.received.map((r) => JSON.parse(r.body) as WebhookEnvelope);
    const server = await startTestServer({ webhookAllowPrivate: true });
    cleanups.push(() => server.close());
    const { id } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    await server.server.webhooks.create(id, receiver.url, ['action.status_changed', 'priorities.changed']);
    const editor = await connectProvider(server.wsUrl, id);
    cleanups.push(() => editor.destroy());
    const pain = readBoard(editor.document).notes.find((n) => n.kind === 'pain')!;
    const fran = { id: 'fran', name: 'Fran', department: 'product' } as const;
    executeCommand(editor.document, fran, 'setNoteAction', { noteIds: [pain.id], owner: 'Fran', status: 'open' });
    executeCommand(editor.document, fran, 'setNoteAction', { noteIds: [pain.id], status: 'in-progress' });

    const changed = await waitFor(() => received().find((e) => e.type === 'action.status_changed'), {
      what: 'action.status_changed',
    });
    // Two edits in a burst: one event, from "not an action" to where it ended.
    expect(changed.data).toMatchObject({ noteId: pain.id, from: null, to: 'in-progress', owner: 'Fran' });
    const priorities = await waitFor(() => received().find((e) => e.type === 'priorities.changed'), {
      what: 'priorities.changed',
    });
    expect((priorities.data as { items: { noteId: string; status: string }[] }).items).toContainEqual(
      expect.objectContaining({ noteId: pain.id, status: 'in-progress' }),
    );
    expect(received().filter((e) => e.type === 'action.status_changed')).toHaveLength(1);
  });

  it('a receiver that never answers holds up no edit: they are stored and reach everyone while its delivery hangs', async () => {
    // Reads each request and never answers: the delivery's first attempt stays open until its 10 s timeout.
    const stuck = await startReceiver(() => {});
    const server = await startTestServer({ webhookAllowPrivate: true, webhookSettleMs: 50 });
    // The receiver goes first (cleanups run last in, first out), so no attempt is left for the server to wait out.
    cleanups.push(() => server.close(), stuck.close);
    const { id } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const hook = (await server.server.webhooks.create(id, stuck.url, ['action.status_changed'])) as WebhookCreated;
    const editor = await connectProvider(server.wsUrl, id);
    const other = await connectProvider(server.wsUrl, id);
    cleanups.push(
      () => editor.destroy(),
      () => other.destroy(),
    );
    const [first, second] = readBoard(editor.document).notes.filter((n) => n.kind === 'pain');
    executeCommand(editor.document, fran, 'setNoteAction', { noteIds: [first!.id], status: 'open' });
    await waitFor(() => stuck.received.length >= 1, { what: 'the delivery to reach the receiver' });

    const statusSeen = (status: string) => () =>
      readBoard(other.document).notesById.get(second!.id)?.action?.status === status;
    for (const status of ['open', 'in-progress', 'done'] as const) {
      executeCommand(editor.document, fran, 'setNoteAction', { noteIds: [second!.id], status });
      await waitForAck(editor); // stored
      await waitFor(statusSeen(status), { what: `the other participant to see ${status}` });
    }
    // All of that happened while the first delivery was still waiting for its answer.
    const log = await server.server.webhooks.deliveries(id, hook.webhook.id);
    const firstDelivery = log.at(-1)!;
    expect(firstDelivery).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
  });
});
