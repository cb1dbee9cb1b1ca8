import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  commentsMap,
  executeCommentsCommand,
  MAX_COMMENT_LENGTH,
  readComments,
  threadsMap,
} from '../../shared/comments/index.ts';
import { loadBoardDocumentDoc } from '../storage/documentStorage.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const ann = { id: 'user-ann', name: 'Ann', department: 'sales' } as const;

describe('CommentGuard', () => {
  let server: TestServer;
  const providers: HocuspocusProvider[] = [];
  afterEach(async () => {
    providers.splice(0).forEach((p) => p.destroy());
    await server?.close();
  });
  const open = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    server = await startTestServer(options);
    const { id, tokens } = await createBoardWithLinks(server.url);
    const notices: string[] = [];
    const p = await connectProvider(server.wsUrl, `${id}/comments`, {
      token: tokens.commenter,
      onStateless: (m) => notices.push(m),
    });
    providers.push(p);
    return { id, doc: p.document, provider: p, notices };
  };

  it('cuts a comment past the length limit written around the commands, and tells its writer the limit', async () => {
    const { id, doc, provider, notices } = await open();
    const { commentId } = executeCommentsCommand(doc, ann, 'startThread', {
      target: { kind: 'board', id },
      text: 'short',
    });
    doc.transact(() =>
      commentsMap(doc)
        .get(commentId)!
        .set('text', 'y'.repeat(MAX_COMMENT_LENGTH + 500)),
    );
    await waitFor(() => (commentsMap(doc).get(commentId)!.get('text') as string).length === MAX_COMMENT_LENGTH, {
      what: 'the cut',
    });
    await waitFor(
      () =>
        notices.some((n) =>
          n.includes(`A comment can be at most ${MAX_COMMENT_LENGTH} characters; yours was shortened to fit.`),
        ),
      { what: 'the notice' },
    );
    await waitForAck(provider);
    const stored = await loadBoardDocumentDoc(server.server.store, id, 'comments');
    expect((commentsMap(stored!.doc).get(commentId)!.get('text') as string).length).toBe(MAX_COMMENT_LENGTH);
  });

  it('deletes what is not a thread or comment, repairs bad fields and reaction keys, keeps unknown fields', async () => {
    const { id, doc } = await open();
    const { threadId, commentId } = executeCommentsCommand(doc, ann, 'startThread', {
      target: { kind: 'note', id: 'note:x' },
      text: 'ok',
    });
    doc.transact(() => {
      threadsMap(doc).set('junk' as never, new Y.Map());
      (commentsMap(doc) as unknown as Y.Map<unknown>).set('comment:plain', 'not a map');
      const t = threadsMap(doc).get(threadId)!;
      t.set('target', { kind: 'spaceship', id: 1 });
      const c = commentsMap(doc).get(commentId)!;
      c.set('mentions', 'everyone');
      c.set('reaction:thumbs:user-bob', 'yes');
      c.set('reaction:unknown:user-bob', true);
      c.set('futureField', 42);
    });
    await waitFor(
      () => (!threadsMap(doc).has('junk' as never) && !commentsMap(doc).has('comment:plain' as never)) || null,
      { what: 'the deletions' },
    );
    await waitFor(() => Array.isArray(commentsMap(doc).get(commentId)!.get('mentions')) || null, {
      what: 'the field repair',
    });
    const c = commentsMap(doc).get(commentId)!;
    expect(c.has('reaction:thumbs:user-bob')).toBe(false);
    expect(c.has('reaction:unknown:user-bob')).toBe(false);
    expect(c.get('futureField')).toBe(42);
    expect(threadsMap(doc).get(threadId)!.get('target')).toEqual({ kind: 'board', id: '' });
    expect(readComments(doc).threads).toHaveLength(1);
    void id;
  });

  it('past the cap, the comments a change adds are removed and the writer is told', async () => {
    const { id, doc, notices } = await open({ limits: { maxRecords: 4 } });
    const { threadId } = executeCommentsCommand(doc, ann, 'startThread', {
      target: { kind: 'board', id },
      text: 'one',
    });
    executeCommentsCommand(doc, ann, 'reply', { threadId, text: 'two' });
    executeCommentsCommand(doc, ann, 'reply', { threadId, text: 'three' });
    const extra = executeCommentsCommand(doc, ann, 'reply', { threadId, text: 'four: one too many' });
    await waitFor(
      () => notices.some((n) => n.includes('A board holds at most 4 comments; your new ones were removed.')),
      { what: 'the notice' },
    );
    await waitFor(() => !commentsMap(doc).has(extra) || null, { what: 'the removal' });
    expect(threadsMap(doc).size + commentsMap(doc).size).toBe(4);
  });
});
