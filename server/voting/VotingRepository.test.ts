import { backupNow } from '../testing/backupRoundTrip.ts';
import { describe, expect, it } from 'vitest';
import { DATABASES, testDatabases } from '../testing/databases.ts';
import { DEFAULT_ROUND_SETTINGS } from '../../shared/protocol/voting.ts';
import type { RoundFields } from '../../shared/schema/round.ts';
import type { BallotWrite, NewRound, StoredBallot } from './VotingRepository.ts';

const open = testDatabases();

describe.each(DATABASES)('VotingRepository on %s', (name) => {
  const fresh = async () => {
    const s = await open(name);
    await s.store.boards.createBoard({ id: 'board0000001', title: 'A', createdAt: 1, snapshot: new Uint8Array([1]) });
    await s.store.boards.createBoard({ id: 'board0000002', title: 'B', createdAt: 1, snapshot: new Uint8Array([1]) });
    return s;
  };

  const round = (over: Partial<NewRound> = {}): NewRound => ({
    id: 'round:r1',
    boardId: 'board0000001',
    settings: { ...DEFAULT_ROUND_SETTINGS, title: 'Fix first', laneBudgets: { 'lane:pain': 2 } },
    openedAt: 1000,
    openedBy: { id: 'fac', name: 'Fran' },
    endsAt: null,
    ...over,
  });
  const ballot = (over: Partial<BallotWrite> = {}): BallotWrite => ({
    roundId: 'round:r1',
    personId: 'ann',
    name: 'Ann',
    department: 'sales',
    dots: { 'note:a': 2 },
    updatedAt: 2000,
    ...over,
  });
  const result: RoundFields = {
    title: 'Fix first',
    openedAt: 1000,
    revealedAt: 3000,
    dotsPerPerson: 5,
    anonymous: true,
    voterCount: 1,
    totals: { 'note:a': 2 },
    notes: { 'note:a': { text: 'Slow', kind: 'pain', stageId: 'stage:s', laneId: 'lane:l' } },
    byDepartment: {},
    byPerson: null,
  };

  it('opens one round per board at a time and reads it back with its settings', async () => {
    const { store } = await fresh();
    expect(await store.voting.openRound(round())).toBe(true);
    expect(await store.voting.openRound(round({ id: 'round:r2' }))).toBe(false);
    expect(await store.voting.openRound(round({ id: 'round:r3', boardId: 'board0000002' }))).toBe(true);
    const open = await store.voting.getOpenRound('board0000001');
    expect(open).toMatchObject({
      id: 'round:r1',
      status: 'open',
      openedBy: { id: 'fac', name: 'Fran' },
      endsAt: null,
      result: null,
    });
    expect(open?.settings.laneBudgets).toEqual({ 'lane:pain': 2 });
    expect(await store.voting.getRound('board0000002', 'round:r1')).toBeNull();
  });

  it('saves ballots with compare-and-set, only while the round is open', async () => {
    const { store } = await fresh();
    await store.voting.openRound(round());
    expect(await store.voting.saveBallot(ballot(), 0)).toBe(true);
    expect(await store.voting.saveBallot(ballot(), 0)).toBe(false); // already there
    const first = await store.voting.getBallot('round:r1', 'ann');
    expect(first).toMatchObject({ dots: { 'note:a': 2 }, version: 1, department: 'sales' });
    expect(await store.voting.saveBallot(ballot({ dots: { 'note:a': 1, 'note:b': 0 } }), 1)).toBe(true);
    expect(await store.voting.saveBallot(ballot({ dots: {} }), 1)).toBe(false); // stale version
    expect((await store.voting.getBallot('round:r1', 'ann'))?.dots).toEqual({ 'note:a': 1 });
    await store.voting.saveBallot(ballot({ personId: 'bob', name: 'Bob' }), 0);
    expect((await store.voting.getBallots('round:r1')).map((b) => b.personId)).toEqual(['ann', 'bob']);

    expect(await store.voting.closeRound('board0000001', 'round:r1', { status: 'cancelled', at: 5 })).toBe(true);
    expect(await store.voting.saveBallot(ballot({ personId: 'cy' }), 0)).toBe(false);
    expect(await store.voting.saveBallot(ballot({ dots: { 'note:z': 9 } }), 2)).toBe(false);
    expect(await store.voting.getOpenRound('board0000001')).toBeNull();
  });

  it('reveals once (compare-and-set) and keeps the result across a restart', async () => {
    const { store, reopen } = await fresh();
    await store.voting.openRound(round({ endsAt: 9000 }));
    expect((await store.voting.listTimedOpenRounds()).map((r) => r.id)).toEqual(['round:r1']);
    expect(await store.voting.closeRound('board0000001', 'round:r1', { status: 'revealed', at: 3000, result })).toBe(
      true,
    );
    expect(await store.voting.closeRound('board0000001', 'round:r1', { status: 'cancelled', at: 3001 })).toBe(false);
    expect(await store.voting.listTimedOpenRounds()).toEqual([]);
    // A new round may open once the last one is closed.
    expect(await store.voting.openRound(round({ id: 'round:r2', openedAt: 4000 }))).toBe(true);
    const again = await reopen();
    const revealed = await again.voting.listRevealed('board0000001');
    expect(revealed.map((r) => [r.id, r.status, r.closedAt])).toEqual([['round:r1', 'revealed', 3000]]);
    expect(revealed[0]?.result).toEqual(result);
    expect((await again.voting.getOpenRound('board0000001'))?.id).toBe('round:r2');
  });

  it('revealRound counts the ballots it closes the round with, once; no ballot is written after it', async () => {
    const { store } = await fresh();
    await store.voting.openRound(round());
    await store.voting.saveBallot(ballot(), 0);
    const counted: string[][] = [];
    const count = (ballots: StoredBallot[]) => {
      counted.push(ballots.map((b) => b.personId));
      return result;
    };
    expect(await store.voting.revealRound('board0000002', 'round:r1', 3000, count)).toBeNull(); // another board's id
    expect(await store.voting.revealRound('board0000001', 'round:r1', 3000, count)).toEqual(result);
    expect(await store.voting.revealRound('board0000001', 'round:r1', 3001, count)).toBeNull();
    expect(counted).toEqual([['ann']]);
    expect(await store.voting.getRound('board0000001', 'round:r1')).toMatchObject({
      status: 'revealed',
      closedAt: 3000,
      result,
    });
    expect(await store.voting.saveBallot(ballot({ personId: 'bob' }), 0)).toBe(false);
    expect(await store.voting.closeRound('board0000001', 'round:r1', { status: 'cancelled', at: 3002 })).toBe(false);
  });

  it('a backup carries the board’s rounds and ballots; restoring it replaces them', async () => {
    const { store } = await fresh();
    await store.voting.openRound(round({ id: 'round:old' }));
    await store.voting.saveBallot(ballot({ roundId: 'round:old' }), 0);
    await store.voting.closeRound('board0000001', 'round:old', { status: 'revealed', at: 3000, result });
    await store.voting.openRound(round({ id: 'round:open', openedAt: 4000, endsAt: 99_000 }));
    await store.voting.saveBallot(ballot({ roundId: 'round:open', dots: { 'note:b': 3 } }), 0);
    await store.voting.saveBallot(ballot({ roundId: 'round:open', dots: { 'note:b': 1 } }), 1);
    await store.voting.openRound(round({ id: 'round:other', boardId: 'board0000002' }));
    const backedUp = await backupNow(store);
    await store.voting.closeRound('board0000001', 'round:open', { status: 'cancelled', at: 5000 });
    await store.voting.saveBallot(ballot({ roundId: 'round:old', personId: 'bob' }), 0); // refused: closed
    await backedUp.restore();
    expect((await store.voting.getOpenRound('board0000001'))?.id).toBe('round:open');
    expect((await store.voting.getBallot('round:open', 'ann'))?.dots).toEqual({ 'note:b': 1 });
    expect((await store.voting.getBallot('round:open', 'ann'))?.version).toBe(2);
    expect((await store.voting.getBallots('round:old')).map((b) => [b.personId, b.dots, b.version])).toEqual([
      ['ann', { 'note:a': 2 }, 1],
    ]);
    expect((await store.voting.listRevealed('board0000001'))[0]?.result).toEqual(result);
    expect((await store.voting.getOpenRound('board0000002'))?.id).toBe('round:other');
  });
});
