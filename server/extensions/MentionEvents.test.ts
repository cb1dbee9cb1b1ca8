import { describe, expect, it } from 'vitest';
import { commentsMap, executeCommentsCommand, readComments } from '../../shared/comments/index.ts';
import { VISIT } from '../../shared/protocol/visits.ts';
import type { WebhookEnvelope } from '../../shared/protocol/webhooks.ts';
import type { Department } from '../../shared/schema/department.ts';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { startReceiver } from '../testing/httpReceiver.ts';
import { identityNamed } from '../testing/identities.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer } from '../testing/testServer.ts';

interface Mentioned {
  readonly commentId: string;
  readonly threadId: string;
  readonly target: { kind: string; id: string } | null;
  readonly text: string;
  readonly author: { personId: string; name: string };
  readonly mentioned: { personId: string; name: string };
}

/** comment.mentioned reaches a subscribed receiver once per new mention of a board member. */
describe('MentionEvents', () => {
  const cleanups = cleanupsAfterEach();

  const setUp = async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const server = await startTestServer({ webhookAllowPrivate: true });
    cleanups.push(() => server.close());
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
    await server.server.webhooks.create(id, receiver.url, ['comment.mentioned']);
    // A person on the comments document, recorded by the server as a mention candidate when they arrive.
    const arrive = async (name: string, department: Department) => {
      const identity = await identityNamed(server.wsUrl, id, tokens.editor, name);
      const provider = await connectProvider(server.wsUrl, `${id}/comments`, {
        token: tokens.editor,
        credential: identity!.credential,
      });
      cleanups.push(() => provider.destroy());
      const me = { id: identity!.personId, name, department };
      provider.sendStateless(JSON.stringify({ type: VISIT, person: me }));
      await waitFor(() => readComments(provider.document).people.some((p) => p.id === me.id) || null, {
        what: `${name} on the board`,
      });
      return { provider, doc: provider.document, me };
    };
    const events = () =>
      receiver.received
        .map((r) => JSON.parse(r.body) as WebhookEnvelope<Mentioned>)
        .filter((e) => e.type === 'comment.mentioned');
    return { id, arrive, events };
  };

  it('a new comment and an edit that adds a mention each tell the newly mentioned person once', async () => {
    const { id, arrive, events } = await setUp();
    const ann = await arrive('Ann', 'sales');
    const bob = await arrive('Bob', 'support');
    await waitFor(() => readComments(bob.doc).people.length === 2 || null, { what: 'both people' });

    const { threadId, commentId } = executeCommentsCommand(bob.doc, bob.me, 'startThread', {
      target: { kind: 'board', id },
      text: 'Can you check this, @Ann?',
      mentions: [ann.me.id],
    });
    const first = await waitFor(() => events()[0], { what: 'the first mention' });
    expect(first).toMatchObject({
      boardId: id,
      data: {
        commentId,
        threadId,
        target: { kind: 'board', id },
        text: 'Can you check this, @Ann?',
        author: { personId: bob.me.id, name: 'Bob' },
        mentioned: { personId: ann.me.id, name: 'Ann' },
      },
    });

    // Ann writes @Bob into Bob's comment around the commands: the server puts it back, so Bob is not told.
    ann.doc.transact(() => {
      const forged = commentsMap(ann.doc).get(commentId)!;
      forged.set('text', 'Forged @Ann @Bob');
      forged.set('mentions', [ann.me.id, bob.me.id]);
    });
    await waitFor(
      () => readComments(ann.doc).threadsById.get(threadId)?.comments[0]?.text !== 'Forged @Ann @Bob' || null,
      {
        what: 'the forged edit put back',
      },
    );
    await waitForAck(ann.provider);
    // Keeping @Ann tells her nothing again; adding @Bob tells Bob.
    executeCommentsCommand(bob.doc, bob.me, 'editComment', {
      commentId,
      text: 'Can you check this, @Ann? cc @Bob',
      mentions: [ann.me.id, bob.me.id],
    });
    await waitFor(() => events().length === 2 || null, { what: 'the added mention' });
    expect(events()[1]!.data.mentioned.personId).toBe(bob.me.id);

    // A reply of Ann's that mentions Bob is the next event: nothing came in between.
    executeCommentsCommand(ann.doc, ann.me, 'reply', { threadId, text: '@Bob done', mentions: [bob.me.id] });
    await waitFor(() => events().length >= 3 || null, { what: 'the reply’s mention' });
    expect(events().map((e) => [e.data.author.name, e.data.mentioned.name, e.data.text])).toEqual([
      ['Bob', 'Ann', 'Can you check this, @Ann?'],
      ['Bob', 'Bob', 'Can you check this, @Ann? cc @Bob'],
      ['Ann', 'Bob', '@Bob done'],
    ]);
  });
});
