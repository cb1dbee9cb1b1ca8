import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../testing/cleanups.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import type { RoundId } from '../../shared/schema/ids.ts';
import {
  parseVotingServerMessage,
  VOTING,
  type VotingServerMessage,
  type VotingBallotMessage,
  type VotingRefusedMessage,
  type VotingStateMessage,
} from '../../shared/protocol/voting.ts';
import { TEST_DATABASE_URL } from '../testing/postgres.ts';
import { waitFor } from '../testing/providers.ts';
import { boardOnTwoInstances, type startTwoInstances } from '../testing/twoInstances.ts';
import { VotingClient } from '../testing/votingClient.ts';
import { fran, ann, cy } from '../testing/people.ts';

const isState = (m: { type: string }): m is VotingStateMessage => m.type === VOTING.state;
const refusedCode = (m: VotingBallotMessage | VotingRefusedMessage) => (m.type === VOTING.refused ? m.code : null);

/**
 * Secret voting with two instances on one PostgreSQL and one Redis: the round, the
 * budgets, the pending list and the reveal are the same whichever instance a person is on.
 */
describe('voting across instances (real PostgreSQL and Redis)', () => {
  const cleanups = cleanupsAfterEach();

  const setUp = (options?: Parameters<typeof startTwoInstances>[1]) =>
    boardOnTwoInstances(cleanups, VotingClient.connect, options);

  it('a round opened on A is open on B; a ballot through A counts against the budget at B; the facilitator on A sees B’s voters; a reveal on B closes it for everyone', async () => {
    const { a, b, id, join } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnA = await join(a, 'editor', ann);
    const annOnB = await join(b, 'editor', ann); // the same person in a second tab, on the other instance
    const cyOnB = await join(b, 'commenter', cy);
    const facilitatorOnB = await join(b, 'facilitator', fran); // a co-facilitator's tab on B
    const [pain1, pain2] = annOnA.notes('pain');

    const markB = annOnB.mark();
    const roundId = await facilitatorOnA.start({ title: 'Across', dotsPerPerson: 2 });
    const opened = await annOnB.next<VotingStateMessage>(
      (m) => isState(m) && m.event?.kind === 'opened',
      markB,
      'B’s voter to hear of the round',
    );
    expect(opened).toMatchObject({ round: { id: roundId }, you: { canVote: true, remaining: 2 }, pending: null });
    // B registered its own voters; the facilitator on A hears of them.
    await waitFor(() => facilitatorOnA.lastState()?.pending?.some((p) => p.personId === cyOnB.person.id), {
      what: 'the facilitator on A to see Cy (on B) pending',
    });

    expect(await annOnA.dot(roundId, pain1!.id)).toMatchObject({ type: VOTING.ballot, remaining: 1 });
    await waitFor(() => annOnB.messages.some((m) => m.type === VOTING.ballot && m.remaining === 1), {
      what: 'Ann’s tab on B to get her ballot',
    });
    expect(await annOnB.dot(roundId, pain2!.id)).toMatchObject({ type: VOTING.ballot, remaining: 0 });
    // (dot() takes the next ballot message as its answer: let B's relayed one arrive first.)
    await waitFor(() => annOnA.messages.some((m) => m.type === VOTING.ballot && m.remaining === 0), {
      what: 'Ann’s tab on A to get her ballot from B',
    });
    expect(refusedCode(await annOnA.dot(roundId, pain2!.id))).toBe('budget-spent'); // B's dot counts at A
    expect(refusedCode(await annOnB.dot(roundId, pain1!.id))).toBe('budget-spent');
    for (const f of [facilitatorOnA, facilitatorOnB]) {
      await waitFor(
        () =>
          f.lastState()?.pending?.some((p) => p.personId === cyOnB.person.id) &&
          !f.lastState()?.pending?.some((p) => p.personId === annOnA.person.id),
        {
          what: 'each facilitator to see Ann leave the pending list and Cy still in it',
        },
      );
    }
    expect(await cyOnB.dot(roundId, pain1!.id)).toMatchObject({ type: VOTING.ballot, remaining: 1 });
    await waitFor(
      () => facilitatorOnA.lastState()?.pending?.find((p) => p.personId === cyOnB.person.id)?.remaining === 1,
      { what: 'A’s facilitator to see Cy’s dot' },
    );
    // Secrecy across the relay: nobody hears another person's ballot, only the facilitator the pending list.
    expect(
      cyOnB.messages
        .filter((m) => m.type === VOTING.ballot)
        .every((m) => (m as VotingBallotMessage).dots[pain2!.id] === undefined),
    ).toBe(true);
    expect(cyOnB.messages.filter(isState).every((m) => m.pending === null)).toBe(true);
    expect(annOnB.messages.filter(isState).every((m) => m.pending === null)).toBe(true);

    expect(await facilitatorOnB.close(roundId, 'reveal')).toMatchObject({
      type: VOTING.state,
      round: null,
      event: { kind: 'revealed', roundId },
    });
    for (const c of [facilitatorOnA, annOnA]) {
      await waitFor(() => c.lastState()?.event?.kind === 'revealed' && c.lastState()?.round === null, {
        what: 'A’s clients to see the reveal',
      });
    }
    const record = await waitFor(() => readBoard(annOnA.doc).rounds.find((r) => r.id === roundId), {
      what: 'the result on A',
    });
    expect(record.totals).toEqual({ [pain1!.id]: 2, [pain2!.id]: 1 });
    expect(refusedCode(await annOnA.dot(roundId, pain2!.id))).toBe('round-closed');
    expect((await a.server.checkpoints.list(id)).filter((c) => c.kind === 'vote-reveal')).toHaveLength(1);
  });

  it('two ballots racing through A and B for one person’s last dot: exactly one counts (PostgreSQL serialises them)', async () => {
    const { a, b, join } = await setUp();
    const facilitator = await join(a, 'facilitator', fran);
    const onA = await join(a, 'editor', ann);
    const onB = await join(b, 'editor', ann);
    const [pain1, pain2] = onA.notes('pain');
    for (let race = 0; race < 4; race++) {
      const roundId: RoundId = await facilitator.start({ title: `Race ${race}`, dotsPerPerson: 1 });
      await onB.next((m) => isState(m) && m.round?.id === roundId, 0, 'B to hear of the round');
      const [markA, markB] = [onA.mark(), onB.mark()];
      onA.send({ type: VOTING.place, roundId, noteId: pain1!.id, requestId: `a${race}` });
      onB.send({ type: VOTING.place, roundId, noteId: pain2!.id, requestId: `b${race}` });
      // A fence per instance: each handles a board's requests in order, so the hello's answer comes after the dot's.
      await Promise.all([fence(onA, markA), fence(onB, markB)]);
      const refusals = [...messagesSince(onA, markA), ...messagesSince(onB, markB)].filter(
        (m) => m.type === VOTING.refused,
      );
      expect(
        refusals.map((m) => (m as VotingRefusedMessage).code),
        `race ${race}`,
      ).toEqual(['budget-spent']);
      const ballot = await a.server.store.voting.getBallot(roundId, onA.person.id);
      expect(Object.values(ballot!.dots).reduce((x, y) => x + y, 0)).toBe(1);
      expect(await facilitator.close(roundId, 'cancel')).toMatchObject({ event: { kind: 'cancelled' } });
    }
  });

  it('a dot placed through B while A reveals is either counted in the result or refused, never acknowledged and lost', async () => {
    const { a, b, id, join } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnB = await join(b, 'editor', ann);
    const [pain1] = annOnB.notes('pain');
    for (let race = 0; race < 6; race++) {
      const roundId = await facilitatorOnA.start({ title: `Reveal race ${race}`, dotsPerPerson: 3 });
      await annOnB.next((m) => isState(m) && m.round?.id === roundId, 0, 'B to hear of the round');
      expect(await annOnB.dot(roundId, pain1!.id)).toMatchObject({ type: VOTING.ballot, remaining: 2 });
      const mark = annOnB.mark();
      annOnB.send({ type: VOTING.place, roundId, noteId: pain1!.id, requestId: `late${race}` });
      facilitatorOnA.send({ type: VOTING.reveal, roundId });
      await fence(annOnB, mark);
      const answer = messagesSince(annOnB, mark).find(
        (m) => m.type === VOTING.ballot || (m.type === VOTING.refused && m.requestId === `late${race}`),
      );
      const counted = answer?.type === VOTING.ballot ? 2 : 1;
      if (answer?.type === VOTING.refused) expect(answer.code).toBe('round-closed');
      const revealed = await waitFor(
        async () => (await a.server.store.voting.getRound(id, roundId))?.result ?? undefined,
        { what: 'the reveal' },
      );
      expect(revealed.totals, `race ${race}: the late dot was ${answer?.type}`).toEqual({ [pain1!.id]: counted });
    }
  });

  it('a deadline armed on A is kept by B, which reveals the round once; A drops its own', async () => {
    // B's voting clock runs 58 s ahead: a one-minute round opened on A ends for B two seconds later.
    const { a, b, id, join } = await setUp({ nowOnB: () => Date.now() + 58_000 });
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnA = await join(a, 'editor', ann);
    const cyOnB = await join(b, 'commenter', cy);
    const roundId = await facilitatorOnA.start({ title: 'Timed', timeLimitMinutes: 1 });
    expect(a.server.voting.armed(roundId)).toBe(true);
    await waitFor(() => b.server.voting.armed(roundId), { what: 'B to arm the round’s deadline' });
    await annOnA.dot(roundId, annOnA.notes('pain')[0]!.id);

    await waitFor(() => facilitatorOnA.lastState()?.event?.kind === 'revealed', {
      what: 'B to reveal the round at its deadline',
    });
    await waitFor(() => !a.server.voting.armed(roundId), { what: 'A to drop the deadline' });
    expect(b.server.voting.armed(roundId)).toBe(false);
    const stored = await a.server.store.voting.getRound(id, roundId);
    expect(stored).toMatchObject({ status: 'revealed', result: { voterCount: 1 } });
    await waitFor(() => readBoard(annOnA.doc).rounds.length === 1 && readBoard(cyOnB.doc).rounds.length === 1, {
      what: 'the result on both instances',
    });
    expect((await a.server.checkpoints.list(id)).filter((c) => c.kind === 'vote-reveal')).toHaveLength(1);
    expect(cyOnB.messages.filter((m) => isState(m) && m.event?.kind === 'revealed')).toHaveLength(1);
  });

  it('both instances firing one deadline at the same moment reveal it once', async () => {
    const { a, b, id, join, schema } = await setUp();
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnB = await join(b, 'editor', ann);
    const roundId = await facilitatorOnA.start({ title: 'Twice?', timeLimitMinutes: 5 });
    await annOnB.dot(roundId, annOnB.notes('pain')[0]!.id);
    // The deadline passes while both run: each instance arms it again from the database and fires at once.
    await setEndsAt(schema, roundId, Date.now() - 1);
    await Promise.all([a.server.voting.start(), b.server.voting.start()]);

    await waitFor(
      () => annOnB.lastState()?.event?.kind === 'revealed' && facilitatorOnA.lastState()?.event?.kind === 'revealed',
      { what: 'the reveal' },
    );
    await waitFor(async () => (await a.server.checkpoints.list(id)).some((c) => c.kind === 'vote-reveal'), {
      what: 'the reveal checkpoint',
    });
    // Whichever lost the compare-and-set wrote nothing: one checkpoint, one record, one event each.
    await fence(annOnB, annOnB.mark());
    expect((await a.server.checkpoints.list(id)).filter((c) => c.kind === 'vote-reveal')).toHaveLength(1);
    expect(readBoard(annOnB.doc).rounds).toHaveLength(1);
    for (const c of [facilitatorOnA, annOnB])
      expect(c.messages.filter((m) => isState(m) && m.event?.kind === 'revealed')).toHaveLength(1);
  });
});

/** The voting messages `client` got from raw index `mark` on (marks count every stateless message). */
function messagesSince(client: VotingClient, mark: number): VotingServerMessage[] {
  return client.raw.slice(mark).flatMap((payload) => {
    try {
      const m = parseVotingServerMessage(JSON.parse(payload));
      return m ? [m] : [];
    } catch {
      return []; // not JSON: not a voting message
    }
  });
}

/** Says hello again and waits for the answer: everything the client sent before has been handled. */
async function fence(client: VotingClient, since: number): Promise<void> {
  const requestMark = Math.max(since, client.mark());
  client.send({ type: VOTING.hello, person: client.person });
  await client.next((m) => isState(m) && m.event === null, requestMark, 'the fence');
}

/** Moves a round's deadline in the database, as a second connection (the instances' timers are not told). */
async function setEndsAt(schema: string, roundId: RoundId, endsAt: number): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE ${schema}.voting_rounds SET ends_at = $1 WHERE id = $2`, [endsAt, roundId]);
  } finally {
    await client.end();
  }
}
