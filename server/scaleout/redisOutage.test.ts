import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkRotated, RemovedFromBoard } from '../../shared/protocol/closeReasons.ts';
import { PEOPLE } from '../../shared/protocol/people.ts';
import { VOTING, type VoterIdentity, type VotingStateMessage } from '../../shared/protocol/voting.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { startOwnRedis } from '../testing/ownRedis.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import type { TestServer } from '../testing/testServer.ts';
import { boardOnTwoInstances } from '../testing/twoInstances.ts';
import { VotingClient } from '../testing/votingClient.ts';

const fran: VoterIdentity = { id: 'user-fran', name: 'Fran', department: 'product' };
const ann: VoterIdentity = { id: 'user-ann', name: 'Ann', department: 'sales' };
const cy: VoterIdentity = { id: 'user-cy', name: 'Cy', department: 'support' };

const closeReasons = (provider: HocuspocusProvider) => {
  const reasons: string[] = [];
  provider.on('close', ({ event }: { event: CloseEvent }) => reasons.push(event.reason));
  return reasons;
};
const redisUp = (server: TestServer) => server.server.scaleOut?.cluster.redisUp ?? false;

/**
 * What one instance announces to the others goes through Redis, which keeps nothing: with Redis
 * away, a round opened, a person removed or a link rotated on A reaches nobody on B. When Redis is
 * back, B re-reads its boards from the database without anyone doing anything.
 */
describe('after a Redis outage, each instance catches up on what the others announced meanwhile', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('a round opened, a person removed and a link rotated on A while Redis was down reach B once it is back', async () => {
    const redis = await startOwnRedis();
    cleanups.push(() => redis.stop());
    const { a, b, id, tokens, join } = await boardOnTwoInstances(cleanups, VotingClient.connect, {
      redisUrl: redis.url,
    });
    const facilitatorOnA = await join(a, 'facilitator', fran);
    const annOnB = await join(b, 'editor', ann);
    const cyOnB = await join(b, 'editor', cy);
    const commenterOnB = await connectProvider(b.wsUrl, id, { token: tokens.commenter });
    cleanups.push(() => commenterOnB.destroy());
    const [annCloses, cyCloses, commenterCloses] = [
      closeReasons(annOnB.provider),
      closeReasons(cyOnB.provider),
      closeReasons(commenterOnB),
    ];

    await redis.stop();
    await waitFor(() => !redisUp(a) && !redisUp(b), { what: 'both instances to notice Redis is gone' });
    const roundId = await facilitatorOnA.start({ title: 'During the outage', dotsPerPerson: 2 });
    facilitatorOnA.send({ type: PEOPLE.remove, personId: cyOnB.person.id, name: 'Cy' });
    const rotated = await fetchAsPerson(`${a.url}/api/boards/${id}/links/commenter/rotate`, tokens.facilitator, {
      method: 'POST',
    });
    expect(rotated.status).toBe(200);
    // Each was done and stored on A; nothing of it can reach B now.
    await waitFor(() => facilitatorOnA.raw.some((p) => p.includes(PEOPLE.removed)), {
      what: 'A to confirm the removal',
    });
    expect(annOnB.lastState()?.round).toBeNull();
    expect(cyCloses).toEqual([]);
    expect(commenterCloses).toEqual([]);

    await redis.start();
    await waitFor(() => redisUp(a) && redisUp(b), { what: 'both instances to reconnect' });
    const state = await waitFor(
      () => annOnB.messages.find((m): m is VotingStateMessage => m.type === VOTING.state && m.round?.id === roundId),
      { what: 'Ann on B to hear of the round', timeoutMs: 15_000 },
    );
    expect(state.you).toMatchObject({ canVote: true, remaining: 2 });
    await waitFor(() => cyCloses.includes(RemovedFromBoard.reason), { what: 'Cy on B to be closed as removed' });
    await waitFor(() => commenterCloses.includes(LinkRotated.reason), {
      what: 'the rotated link’s connection on B to close',
    });
    // Ann's link was not rotated and Ann was not removed: she stays, and can vote.
    expect(annCloses).toEqual([]);
    expect(await annOnB.dot(roundId, annOnB.notes('pain')[0]!.id)).toMatchObject({ type: VOTING.ballot, remaining: 1 });
  }, 60_000);
});
