import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/model/snapshot.ts';
import { RemovedFromBoard } from '../../shared/protocol/closeReasons.ts';
import { PEOPLE, parsePersonRemoved } from '../../shared/protocol/people.ts';
import { PRIVATE } from '../../shared/protocol/privateWriting.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { VOTING, type VoterIdentity } from '../../shared/protocol/voting.ts';
import { identityNamed } from '../testing/identities.ts';
import { PrivateWritingClient } from '../testing/privateWritingClient.ts';
import { connectProvider, ConnectionRefused, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { startTwoInstances } from '../testing/twoInstances.ts';
import { VotingClient } from '../testing/votingClient.ts';

const fran: VoterIdentity = { id: 'fran', name: 'Fran', department: 'product' };
const alice: VoterIdentity = { id: 'alice', name: 'Alice', department: 'sales' };
const bob: VoterIdentity = { id: 'bob', name: 'Bob', department: 'support' };

const closeReason = (provider: HocuspocusProvider) =>
  new Promise<string>((resolve) => provider.on('close', ({ event }: { event: CloseEvent }) => resolve(event.reason)));

/** A facilitator removes a person: what the server must do, attacked and checked as a client sees it. */
describe('a facilitator removes a person from the board', () => {
  const cleanups: (() => unknown)[] = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await server?.close();
    server = undefined;
  });

  async function board() {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const voter = async (role: Role, person: VoterIdentity, on: TestServer = server!) => {
      const c = await VotingClient.connect(on.wsUrl, id, tokens[role], person);
      cleanups.push(() => c.destroy());
      return c;
    };
    return { id, tokens, voter };
  }

  it('closes their connections, refuses them from then on, voids their dots and discards their drafts; everyone is told', async () => {
    const { id, tokens, voter } = await board();
    const facilitator = await voter('facilitator', fran);
    const bobC = await voter('editor', bob);
    const aliceC = await voter('editor', alice);
    const aliceWriter = await PrivateWritingClient.connect(server!.wsUrl, id, tokens.editor, alice);
    cleanups.push(() => aliceWriter.destroy());
    const aliceComments = await connectProvider(server!.wsUrl, `${id}/comments`, {
      token: tokens.editor,
      as: alice.id,
    });
    cleanups.push(() => aliceComments.destroy());
    const [pain1, pain2] = aliceC.notes('pain');

    const roundId = await facilitator.start({ title: 'Before removal', dotsPerPerson: 3 });
    await aliceC.dot(roundId, pain1!.id);
    await aliceC.dot(roundId, pain1!.id);
    await bobC.dot(roundId, pain2!.id);
    const fac = await PrivateWritingClient.connect(server!.wsUrl, id, tokens.facilitator, fran);
    cleanups.push(() => fac.destroy());
    const phaseId = await fac.start();
    const [stage, lane] = aliceWriter.cell();
    expect(await aliceWriter.add(stage, lane, 'A draft that must never appear')).toMatchObject({ type: PRIVATE.draft });

    const closed = [closeReason(aliceC.provider), closeReason(aliceComments)];
    const mark = bobC.mark();
    facilitator.send({ type: PEOPLE.remove, personId: aliceC.person.id, name: 'Alice' });
    expect(await Promise.all(closed)).toEqual([RemovedFromBoard.reason, RemovedFromBoard.reason]);
    const notice = await waitFor(
      () =>
        bobC.raw
          .slice(mark)
          .map((p) => parsePersonRemoved(JSON.parse(p)))
          .find((m) => m !== null),
      { what: 'the notice' },
    );
    expect(notice).toMatchObject({ personId: aliceC.person.id, name: 'Alice', dotsVoided: 2, draftsDiscarded: 1 });

    // Her credential is refused on this board, on both documents.
    const alicesCredential = (await identityNamed(server!.wsUrl, id, tokens.editor, alice.id))!.credential;
    for (const name of [id, `${id}/comments`]) {
      const again = await connectProvider(server!.wsUrl, name, {
        token: tokens.editor,
        credential: alicesCredential,
      }).then(
        (p) => (p.destroy(), 'connected'),
        (e: unknown) => (e instanceof ConnectionRefused ? e.reason : String(e)),
      );
      expect(again).toBe(RemovedFromBoard.reason);
    }
    // Her dots no longer count; her draft is not revealed.
    expect(await facilitator.close(roundId)).toMatchObject({ event: { kind: 'revealed' } });
    expect(readBoard(facilitator.doc).rounds.at(-1)!.totals).toEqual({ [pain2!.id]: 1 });
    await fac.close(phaseId);
    await waitFor(() => fac.lastState()?.phase === null, { what: 'the reveal' });
    expect(readBoard(facilitator.doc).notes.some((n) => n.text === 'A draft that must never appear')).toBe(false);

    // Her identity still works elsewhere: removal is per board.
    const other = await createBoardWithLinks(server!.url, { template: 'blank' });
    const elsewhere = await connectProvider(server!.wsUrl, other.id, {
      token: other.tokens.editor,
      credential: alicesCredential,
    });
    elsewhere.destroy();
  });

  it('only a facilitator removes, and not themself', async () => {
    const { voter } = await board();
    const facilitator = await voter('facilitator', fran);
    const editor = await voter('editor', alice);
    const mark = facilitator.mark();
    facilitator.send({ type: PEOPLE.remove, personId: facilitator.person.id, name: 'Fran' });
    await waitFor(() => facilitator.raw.slice(mark).some((p) => p.includes(PEOPLE.refused) && p.includes('yourself')), {
      what: 'the refusal',
    });
    const closed = closeReason(editor.provider);
    editor.send({ type: PEOPLE.remove, personId: facilitator.person.id, name: 'Fran' });
    expect(await closed).toBe('forbidden-message');
    // The facilitator is still here and can still vote on things.
    expect(await facilitator.start({ title: 'Still here' })).toMatch(/^round:/);
  });

  it('works across instances: a person on B is closed and refused when a facilitator on A removes them', async () => {
    const { a, b } = await startTwoInstances(cleanups);
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'ecommerce' });
    const facilitator = await VotingClient.connect(a.wsUrl, id, tokens.facilitator, fran);
    const aliceOnB = await VotingClient.connect(b.wsUrl, id, tokens.editor, alice);
    const bobOnB = await VotingClient.connect(b.wsUrl, id, tokens.editor, bob);
    cleanups.push(
      () => facilitator.destroy(),
      () => aliceOnB.destroy(),
      () => bobOnB.destroy(),
    );
    const closed = closeReason(aliceOnB.provider);
    const mark = bobOnB.mark();
    facilitator.send({ type: PEOPLE.remove, personId: aliceOnB.person.id, name: 'Alice' });
    expect(await closed).toBe(RemovedFromBoard.reason);
    await waitFor(
      () => bobOnB.raw.slice(mark).some((p) => parsePersonRemoved(JSON.parse(p))?.personId === aliceOnB.person.id),
      { what: 'the notice on B' },
    );
    const again = await connectProvider(b.wsUrl, id, { token: tokens.editor, as: alice.id }).then(
      (p) => (p.destroy(), 'connected'),
      (e: unknown) => (e as ConnectionRefused).reason,
    );
    expect(again).toBe(RemovedFromBoard.reason);
    expect(bobOnB.messages.some((m) => m.type === VOTING.refused)).toBe(false);
  });
});
