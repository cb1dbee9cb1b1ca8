import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsMap, executeCommentsCommand, reactionKey, readComments } from '../../shared/comments/index.ts';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { executeCommand } from '../../shared/model/commands/index.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { IdentityRequired } from '../../shared/protocol/closeReasons.ts';
import { encodeConnectionToken, identitiesPath } from '../../shared/protocol/identity.ts';
import { PRIVATE, type PrivateWriter } from '../../shared/protocol/privateWriting.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { VOTING, type VoterIdentity } from '../../shared/protocol/voting.ts';
import { httpBaseOf, issueIdentity } from '../testing/identities.ts';
import { PrivateWritingClient } from '../testing/privateWritingClient.ts';
import { connectProvider, ConnectionRefused, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { VotingClient } from '../testing/votingClient.ts';

const fran: VoterIdentity = { id: 'fran', name: 'Fran', department: 'product' };
const alice: VoterIdentity = { id: 'alice', name: 'Alice', department: 'sales' };
const bob: VoterIdentity = { id: 'bob', name: 'Bob', department: 'support' };

/**
 * Attacks on person-scoped data as an outside client makes them: raw providers with a share link
 * of each role and a credential of their own, claiming someone else's id wherever a message or the
 * document carries one. Nothing of that person may reach them, change, or be written in their name.
 */
describe('identities are proven by the server, never claimed', () => {
  let server: TestServer;
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    cleanups.splice(0).forEach((c) => c());
    await server?.close();
  });

  async function board(limits: { maxNewIdentitiesPerLink?: number } = {}) {
    server = await startTestServer({ limits: { ...limits } as never });
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const voter = async (role: Role, person: VoterIdentity) => {
      const c = await VotingClient.connect(server.wsUrl, id, tokens[role], person);
      cleanups.push(() => c.destroy());
      return c;
    };
    const writer = async (role: Role, person: PrivateWriter) => {
      const c = await PrivateWritingClient.connect(server.wsUrl, id, tokens[role], person);
      cleanups.push(() => c.destroy());
      return c;
    };
    return { id, tokens, voter, writer };
  }

  it('a connection with no credential, a made-up one or a malformed one is refused', async () => {
    const { id, tokens } = await board();
    const made = `jbc_${'A'.repeat(43)}`;
    for (const credential of [null, made, 'not-a-credential']) {
      for (const role of ['viewer', 'editor', 'facilitator'] as const) {
        const refused = await connectProvider(server.wsUrl, id, { token: tokens[role], credential }).then(
          (p) => (p.destroy(), null),
          (e: unknown) => (e instanceof ConnectionRefused ? e.reason : String(e)),
        );
        expect(refused, `${role} with ${credential}`).toBe(IdentityRequired.reason);
      }
    }
    // A bare share token, as clients sent before identities: refused the same way.
    const bare = new HocuspocusProvider({
      url: server.wsUrl,
      name: `${id}/comments`,
      document: new Y.Doc(),
      token: tokens.editor,
    });
    cleanups.push(() => bare.destroy());
    expect(
      await new Promise((resolve) =>
        bare.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
      ),
    ).toBe(IdentityRequired.reason);
  });

  it('a viewer claiming Alice’s id gets none of her ballot, now or later', async () => {
    const { id, tokens, voter } = await board();
    const facilitator = await voter('facilitator', fran);
    const real = await voter('editor', alice);
    const [pain] = real.notes('pain');
    const roundId = await facilitator.start({ title: 'Secret', dotsPerPerson: 3 });
    expect(await real.dot(roundId, pain!.id)).toMatchObject({ type: VOTING.ballot, remaining: 2 });

    // The spy claims every id Alice goes by: the one her page declares and the one others see.
    const spy = await VotingClient.connect(server.wsUrl, id, tokens.viewer, { ...alice, id: 'spy' }, { hello: false });
    cleanups.push(() => spy.destroy());
    for (const claimed of [alice.id, real.person.id]) {
      const mark = spy.mark();
      spy.send({ type: VOTING.hello, person: { ...alice, id: claimed } });
      await spy.next((m) => m.type === VOTING.state, mark);
    }
    expect(spy.person.id).not.toBe(real.person.id);
    await real.dot(roundId, pain!.id);
    // A last state after Alice's second dot: a fence for anything that could leak to the spy.
    const mark = spy.mark();
    spy.send({ type: VOTING.hello, person: { ...alice, id: real.person.id } });
    await spy.next((m) => m.type === VOTING.state, mark);
    expect(spy.messages.some((m) => m.type === VOTING.ballot)).toBe(false);
    expect(spy.raw.join('\n')).not.toContain(pain!.id);
    expect(spy.lastState()?.you).toMatchObject({ canVote: false, remaining: 0 });
  });

  it('a commenter claiming Bob’s id before he arrives spends only their own dots; Bob keeps his budget', async () => {
    const { voter } = await board();
    const facilitator = await voter('facilitator', fran);
    const roundId = await facilitator.start({ title: 'Budgets', dotsPerPerson: 2 });
    const impostor = await voter('commenter', { ...bob, id: 'bob-as-claimed' });
    impostor.send({ type: VOTING.hello, person: bob });
    const [pain1, pain2] = impostor.notes('pain');
    await impostor.dot(roundId, pain1!.id);
    await impostor.dot(roundId, pain1!.id);
    const realBob = await voter('editor', bob);
    expect(await realBob.dot(roundId, pain2!.id)).toMatchObject({ type: VOTING.ballot, remaining: 1 });
    expect(await realBob.dot(roundId, pain2!.id)).toMatchObject({ type: VOTING.ballot, remaining: 0 });
    // Retracting "Bob's" dot from the impostor's connection touches only the impostor's ballot.
    expect(await impostor.dot(roundId, pain2!.id, 'remove')).toMatchObject({
      type: VOTING.refused,
      code: 'no-dot-here',
    });
    const result = await facilitator.close(roundId);
    expect(result).toMatchObject({ event: { kind: 'revealed' } });
    const round = readBoard(facilitator.doc).rounds.at(-1)!;
    expect(round.totals).toEqual({ [pain1!.id]: 2, [pain2!.id]: 2 });
  });

  it('one share link issues at most MAX_NEW_IDENTITIES_PER_LINK identities; the next one is 429 and cannot vote', async () => {
    const { id, tokens } = await board({ maxNewIdentitiesPerLink: 3 });
    const issued = await Promise.all([1, 2, 3].map(() => issueIdentity(server.wsUrl, id, tokens.commenter)));
    expect(issued.every((i) => i !== null)).toBe(true);
    const fourth = await fetch(`${httpBaseOf(server.wsUrl)}${identitiesPath(id)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.commenter}` },
    });
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toMatchObject({ error: { code: 'too-many-identities' } });
    // Another link of the board has its own allowance.
    expect(await issueIdentity(server.wsUrl, id, tokens.editor)).not.toBeNull();
    // Issuing needs a valid link of that board, in the header.
    expect((await fetch(`${httpBaseOf(server.wsUrl)}${identitiesPath(id)}`, { method: 'POST' })).status).toBe(401);
    expect(
      (await fetch(`${httpBaseOf(server.wsUrl)}${identitiesPath(id)}?token=${tokens.editor}`, { method: 'POST' }))
        .status,
    ).toBe(400);
  });

  it('claiming Alice’s id in private writing shows none of her drafts and cannot edit, delete or plant them', async () => {
    const { writer } = await board();
    const facilitator = await writer('facilitator', fran);
    const real = await writer('editor', alice);
    const [stage, lane] = real.cell();
    await facilitator.start();
    const secret = await real.add(stage, lane, 'Alice’s secret pain point');
    if (secret.type !== PRIVATE.draft) throw new Error(JSON.stringify(secret));

    for (const role of ['viewer', 'commenter', 'editor'] as const) {
      const spy = await writer(role, { ...alice, id: real.person.id });
      spy.send({ type: PRIVATE.hello, person: { ...alice, id: real.person.id } });
      expect(spy.lastState()?.drafts).toEqual([]);
      if (role === 'editor') {
        expect(await spy.update(secret.draft.id, { text: 'planted' })).toMatchObject({
          type: PRIVATE.refused,
          code: 'draft-not-found',
        });
        expect(await spy.remove(secret.draft.id)).toMatchObject({ type: PRIVATE.refused, code: 'draft-not-found' });
        // A draft it writes is its own, revealed under its own id.
        expect(await spy.add(stage, lane, 'written by the spy')).toMatchObject({ type: PRIVATE.draft });
      }
      expect(spy.raw.join('\n')).not.toContain('secret pain point');
    }
    const mark = real.mark();
    real.send({ type: PRIVATE.hello, person: alice });
    const mine = await real.next((m) => m.type === PRIVATE.state, mark);
    expect(mine).toMatchObject({ drafts: [{ id: secret.draft.id, text: 'Alice’s secret pain point' }] });
    const phaseId = facilitator.lastState()!.phase!.id;
    await facilitator.close(phaseId);
    const notes = await waitFor(() => {
      const n = readBoard(real.doc).notes.filter(
        (x) => x.text === 'Alice’s secret pain point' || x.text === 'written by the spy',
      );
      return n.length === 2 ? n : null;
    });
    expect(notes.find((n) => n.text === 'Alice’s secret pain point')!.authorId).toBe(real.person.id);
    expect(notes.find((n) => n.text === 'written by the spy')!.authorId).not.toBe(real.person.id);
  });

  it('a note written with someone else’s author id is stamped with the writer’s; an existing note’s author cannot be changed', async () => {
    const { id, tokens } = await board();
    const aliceIssued = (await issueIdentity(server.wsUrl, id, tokens.editor))!;
    const aliceBoard = await connectProvider(server.wsUrl, id, {
      token: tokens.editor,
      credential: aliceIssued.credential,
    });
    const mallory = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    cleanups.push(
      () => aliceBoard.destroy(),
      () => mallory.destroy(),
    );
    const b = readBoard(mallory.document);
    const cell = { stageId: b.stages[0]!.id, laneId: b.lanes[0]!.id };
    const hers = executeCommand(
      aliceBoard.document,
      { id: aliceIssued.personId, name: 'Alice', department: 'sales' },
      'addNote',
      { ...cell, text: 'Alice wrote this' },
    );
    await waitForAck(aliceBoard);
    const forged = executeCommand(
      mallory.document,
      { id: aliceIssued.personId, name: 'Alice', department: 'sales' },
      'addNote',
      { ...cell, text: 'Published in Alice’s name' },
    );
    // And a raw write to the author of her existing note.
    const herRecord = () => recordsMap(mallory.document).get(hers) as unknown as Y.Map<unknown>;
    await waitFor(() => herRecord() !== undefined);
    mallory.document.transact(() => herRecord().set('authorId', 'someone-else'));
    const note = (noteId: string) => readBoard(aliceBoard.document).notes.find((n) => n.id === noteId);
    await waitFor(
      () =>
        note(forged) &&
        note(forged)!.authorId !== aliceIssued.personId &&
        note(hers)?.authorId === aliceIssued.personId,
      { what: 'the server’s repair' },
    );
    expect(note(forged)!.authorId).toMatch(/^person-/);
  });

  it('a comments writer cannot edit, delete or react as someone else; resolving stays open to all', async () => {
    const { id, tokens } = await board();
    const aliceIssued = (await issueIdentity(server.wsUrl, id, tokens.commenter))!;
    const alicePerson = { id: aliceIssued.personId, name: 'Alice', department: 'sales' as const };
    const aliceC = await connectProvider(server.wsUrl, `${id}/comments`, {
      token: tokens.commenter,
      credential: aliceIssued.credential,
    });
    const mallory = await connectProvider(server.wsUrl, `${id}/comments`, { token: tokens.commenter });
    cleanups.push(
      () => aliceC.destroy(),
      () => mallory.destroy(),
    );
    const { threadId, commentId } = executeCommentsCommand(aliceC.document, alicePerson, 'startThread', {
      target: { kind: 'board', id },
      text: 'Shipping costs surprise people',
    });
    executeCommentsCommand(aliceC.document, alicePerson, 'react', { commentId, reaction: 'thumbs', on: true });
    await waitForAck(aliceC);
    await waitFor(() => readComments(mallory.document).threadsById.get(threadId)?.comments.length === 1);

    // Mallory goes through the model as "Alice" (the model's own check passes), then raw writes.
    executeCommentsCommand(mallory.document, alicePerson, 'editComment', { commentId, text: 'Rewritten by Mallory' });
    const rec = () => commentsMap(mallory.document).get(commentId)!;
    mallory.document.transact(() => {
      rec().delete(reactionKey('thumbs', alicePerson.id));
      rec().set(reactionKey('heart', alicePerson.id), true);
    });
    executeCommentsCommand(mallory.document, { id: 'mallory', name: 'M', department: 'other' }, 'resolveThread', {
      threadId,
    });
    await waitForAck(mallory);
    const seen = () => readComments(aliceC.document).threadsById.get(threadId);
    await waitFor(() => seen()?.resolution !== null && seen()?.comments[0]?.text === 'Shipping costs surprise people', {
      what: 'the resolution, with Alice’s text put back',
    });
    const comment = commentsMap(aliceC.document).get(commentId)!;
    expect(comment.get(reactionKey('thumbs', alicePerson.id))).toBe(true);
    expect(comment.has(reactionKey('heart', alicePerson.id))).toBe(false);
    // The resolution is stamped with who resolved it: the proven Mallory, not "mallory".
    expect(seen()!.resolution!.byId).toMatch(/^person-/);

    // Deleting the whole comment from the map is put back too.
    const deleted = commentsMap(aliceC.document).get(commentId);
    mallory.document.transact(() => commentsMap(mallory.document).delete(commentId));
    await waitFor(
      () => {
        const restored = commentsMap(aliceC.document).get(commentId);
        return restored !== deleted && restored?.get('text') === 'Shipping costs surprise people';
      },
      { what: 'the comment restored' },
    );
    // Alice herself still edits her own comment.
    executeCommentsCommand(aliceC.document, alicePerson, 'editComment', { commentId, text: 'Edited by Alice' });
    await waitForAck(aliceC);
    await waitFor(
      () => readComments(mallory.document).threadsById.get(threadId)?.comments[0]?.text === 'Edited by Alice',
      { what: 'Alice’s own edit' },
    );
  });

  it('the same credential is the same person on every connection, and only on its own', async () => {
    const { id, tokens, voter } = await board();
    const facilitator = await voter('facilitator', fran);
    const roundId = await facilitator.start({ title: 'Two tabs', dotsPerPerson: 1 });
    const tab1 = await voter('editor', alice);
    const tab2 = await voter('commenter', alice); // a second device, same identity, another link
    expect(tab2.person.id).toBe(tab1.person.id);
    const [pain] = tab1.notes('pain');
    await tab1.dot(roundId, pain!.id);
    await waitFor(() => tab2.messages.some((m) => m.type === VOTING.ballot && m.remaining === 0), {
      what: 'the ballot on the second device',
    });
    expect(await tab2.dot(roundId, pain!.id)).toMatchObject({ code: 'budget-spent' });
    // The credential proves a person; it grants no role: without a link it opens nothing.
    const issued = (await issueIdentity(server.wsUrl, id, tokens.viewer))!;
    const withoutLink = await connectProvider(server.wsUrl, id, { token: '', credential: issued.credential }).then(
      (p) => (p.destroy(), 'connected'),
      (e: unknown) => (e as ConnectionRefused).reason,
    );
    expect(withoutLink).toBe('unauthorized');
    expect(encodeConnectionToken({ link: tokens.viewer, credential: issued.credential })).toContain(issued.credential);
  });
});

describe('a round only for the people present when it opened', () => {
  let server: TestServer;
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    cleanups.splice(0).forEach((c) => c());
    await server?.close();
  });

  it('takes no dots from identities that arrive after it opened; the revealed round counts its voters', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const join = async (role: Role, person: VoterIdentity) => {
      const c = await VotingClient.connect(server.wsUrl, id, tokens[role], person);
      cleanups.push(() => c.destroy());
      return c;
    };
    const facilitator = await join('facilitator', fran);
    const present = await join('commenter', alice);
    const roundId = await facilitator.start({
      title: 'Only the room',
      dotsPerPerson: 2,
      onlyPresent: true,
      facilitatorVotes: false,
    });
    const [pain] = present.notes('pain');
    expect(await present.dot(roundId, pain!.id)).toMatchObject({ type: VOTING.ballot });
    // Fresh identities through the same link, after the opening: the ballot-stuffing script.
    for (let i = 0; i < 3; i++) {
      const late = await join('commenter', { ...bob, id: `late-${i}` });
      expect(late.lastState()?.you).toMatchObject({ canVote: false });
      expect(await late.dot(roundId, pain!.id)).toMatchObject({ type: VOTING.refused, code: 'not-eligible' });
    }
    // Someone present at the opening who reconnects keeps their place.
    const again = await join('editor', alice);
    expect(await again.dot(roundId, pain!.id)).toMatchObject({ type: VOTING.ballot, remaining: 0 });
    await facilitator.close(roundId);
    const round = readBoard(facilitator.doc).rounds.at(-1)!;
    expect(round.totals).toEqual({ [pain!.id]: 2 });
    expect(round.voterCount).toBe(1);
  });
});
