import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUND_SETTINGS, type RoundSettings } from '../../shared/protocol/voting.ts';
import type { LaneId, NoteId } from '../../shared/schema/ids.ts';
import { buildSnapshot } from '../../shared/model/snapshot.ts';
import { readNote } from '../../shared/schema/note.ts';
import { checkPlace, remainingFor, withDot } from './ballotRules.ts';
import { roundResult } from './roundResult.ts';
import type { StoredBallot, StoredRound } from './VotingRepository.ts';

const pain = { id: 'note:p1' as NoteId, kind: 'pain' as const, laneId: 'lane:pain' as LaneId };
const pain2 = { id: 'note:p2' as NoteId, kind: 'pain' as const, laneId: 'lane:pain' as LaneId };
const idea = { id: 'note:i1' as NoteId, kind: 'idea' as const, laneId: 'lane:idea' as LaneId };
const touch = { id: 'note:t1' as NoteId, kind: 'touchpoint' as const, laneId: 'lane:touch' as LaneId };
const notes = new Map([pain, pain2, idea, touch].map((n) => [n.id, n]));
const laneOf = (id: NoteId) => notes.get(id)?.laneId ?? null;
const settings = (over: Partial<RoundSettings> = {}): RoundSettings => ({ ...DEFAULT_ROUND_SETTINGS, ...over });

describe('ballot rules', () => {
  it('checks, in order: note exists, votable, overall budget, lane budget, cap per note', () => {
    const s = settings({ dotsPerPerson: 3, capPerNote: 2, laneBudgets: { ['lane:pain' as LaneId]: 2 } });
    expect(checkPlace(s, {}, null, laneOf)?.code).toBe('note-not-found');
    expect(checkPlace(s, {}, touch, laneOf)?.code).toBe('not-votable');
    expect(checkPlace(s, { [idea.id]: 2 }, idea, laneOf)?.code).toBe('note-cap');
    expect(checkPlace(s, { [pain.id]: 1, [pain2.id]: 1 }, pain, laneOf)?.code).toBe('lane-budget-spent');
    expect(checkPlace(s, { [pain.id]: 1, [idea.id]: 2 }, pain2, laneOf)?.code).toBe('budget-spent');
    expect(checkPlace(s, { [pain.id]: 1 }, pain, laneOf)).toBeNull();
    // A lane listed as votable makes its notes votable whatever their kind.
    expect(
      checkPlace(settings({ votableKinds: [], votableLaneIds: ['lane:touch' as LaneId] }), {}, touch, laneOf),
    ).toBeNull();
    expect(
      checkPlace(settings({ votableKinds: [], votableLaneIds: ['lane:touch' as LaneId] }), {}, pain, laneOf)?.code,
    ).toBe('not-votable');
    // A review round lists its notes: only those, whatever their kind or lane.
    const review = settings({ votableKinds: [], votableNoteIds: [pain2.id] });
    expect(checkPlace(review, {}, pain2, laneOf)).toBeNull();
    expect(checkPlace(review, {}, pain, laneOf)?.code).toBe('not-votable');
  });

  it('remaining per lane is the smaller of the lane budget left and the overall budget left', () => {
    const s = settings({ dotsPerPerson: 3, laneBudgets: { ['lane:pain' as LaneId]: 3, ['lane:idea' as LaneId]: 1 } });
    expect(remainingFor(s, { [pain.id]: 2 }, laneOf)).toEqual({
      remaining: 1,
      remainingByLane: { 'lane:pain': 1, 'lane:idea': 1 },
    });
    expect(remainingFor(s, { [pain.id]: 2, [idea.id]: 1 }, laneOf)).toEqual({
      remaining: 0,
      remainingByLane: { 'lane:pain': 0, 'lane:idea': 0 },
    });
    expect(withDot({ [pain.id]: 1 }, pain.id, -1)).toEqual({});
  });
});

describe('round result', () => {
  const meta = { schemaVersion: 4, boardId: 'b', title: 'T', createdAt: 0 };
  const board = buildSnapshot(meta, [
    readNote(pain.id, {
      kind: 'pain',
      text: 'Slow checkout',
      position: { stageId: 'stage:s1', laneId: 'lane:pain', index: 'a0' },
    }),
    readNote(idea.id, {
      kind: 'idea',
      text: 'One-click pay',
      position: { stageId: 'stage:s2', laneId: 'lane:idea', index: 'a0' },
    }),
  ]);
  const round = (anonymous: boolean): StoredRound => ({
    id: 'round:r',
    boardId: 'b',
    settings: settings({ title: 'R', anonymous }),
    openedAt: 10,
    openedBy: { id: 'f', name: 'F' },
    endsAt: null,
    status: 'open',
    closedAt: null,
    result: null,
  });
  const ballot = (
    personId: string,
    department: StoredBallot['department'],
    dots: Record<string, number>,
  ): StoredBallot => ({
    roundId: 'round:r',
    personId,
    name: personId.toUpperCase(),
    department,
    dots: dots as Record<NoteId, number>,
    version: 1,
    updatedAt: 1,
  });
  const ballots = [
    ballot('a', 'sales', { [pain.id]: 2 }),
    ballot('b', 'sales', { [pain.id]: 1, [idea.id]: 1 }),
    ballot('c', 'sales', { [idea.id]: 1, 'note:gone': 3 }),
    ballot('d', 'product', { [idea.id]: 2 }),
    ballot('e', 'support', {}), // registered, never voted: not a voter
  ];

  it('totals, the notes as they were, department splits from 3 voters, no dots on deleted notes', () => {
    const r = roundResult(round(true), ballots, board.notesById, 99);
    expect(r).toMatchObject({
      title: 'R',
      openedAt: 10,
      revealedAt: 99,
      voterCount: 4,
      anonymous: true,
      byPerson: null,
    });
    expect(r.totals).toEqual({ [pain.id]: 3, [idea.id]: 4 });
    expect(r.notes[pain.id]).toEqual({ text: 'Slow checkout', kind: 'pain', stageId: 'stage:s1', laneId: 'lane:pain' });
    expect(r.byDepartment).toEqual({ sales: { voters: 3, totals: { [pain.id]: 3, [idea.id]: 2 } } });
    expect(JSON.stringify(r)).not.toMatch(/"[a-e]"|"[A-E]"/);
  });

  it('a named round keeps each voter’s dots', () => {
    const r = roundResult(round(false), ballots, board.notesById, 99);
    expect(r.byPerson?.map((p) => [p.personId, p.dots])).toEqual([
      ['a', { [pain.id]: 2 }],
      ['b', { [pain.id]: 1, [idea.id]: 1 }],
      ['c', { [idea.id]: 1 }],
      ['d', { [idea.id]: 2 }],
    ]);
  });
});
