import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { readBoard } from '../model/snapshot.ts';
import { writeRoundRecord } from '../model/roundRecord.ts';
import { buildExportFixture, FIXTURE, FIXTURE_COMMENTS, round } from '../testing/exportFixture.ts';
import { buildPriorityList, noteDeepLink, parseRoundChoice, resolveRounds, type RoundChoice } from './priorityList.ts';

const N = FIXTURE.notes;
const list = (round: RoundChoice = 'latest', extra: Partial<Parameters<typeof buildPriorityList>[0]> = {}) =>
  buildPriorityList({
    board: readBoard(buildExportFixture()),
    round,
    commentCounts: FIXTURE_COMMENTS,
    commentsIncluded: true,
    baseUrl: 'https://jb.example',
    ...extra,
  });
const ids = (l: ReturnType<typeof list>) => l.items.map((i) => i.noteId);

describe('priority list', () => {
  it('ranks by the latest revealed round by default; ties in board order (stage, lane, cell position, id)', () => {
    const l = list();
    expect(l.round.rounds.map((r) => r.id)).toEqual([FIXTURE.rounds.second]);
    // ads (Awareness) and formula (Decision) tie on 4: Awareness comes first.
    expect(ids(l)).toEqual([N.ads, N.formula, N.deleted, N.shipping, N.reviews, N.agents, N.orphan]);
    expect(l.items.map((i) => i.votes)).toEqual([4, 4, 2, 1, 0, 0, 0]);
    expect(l.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lists voted notes, actions, and every pain point and opportunity; not unvoted touchpoints or emotions', () => {
    const l = list();
    expect(ids(l)).not.toContain(N.welcome);
    expect(ids(l)).not.toContain(N.mood);
    expect(ids(l)).not.toContain(N.instagram); // voted only in the first round
    expect(ids(list('all'))).toContain(N.instagram);
  });

  it('sums every revealed round with `all`, and takes one round by id', () => {
    const all = list('all');
    const votes = Object.fromEntries(all.items.map((i) => [i.noteId, i.votes]));
    expect(votes[N.formula!]).toBe(5);
    expect(votes[N.shipping!]).toBe(4);
    expect(votes[N.ads!]).toBe(4);
    expect(votes[N.instagram!]).toBe(2);
    const first = list(FIXTURE.rounds.first!);
    expect(first.items.slice(0, 3).map((i) => [i.noteId, i.votes])).toEqual([
      [N.shipping, 3],
      [N.instagram, 2],
      [N.formula, 1],
    ]);
  });

  it('refuses a round the board does not have', () => {
    const board = readBoard(buildExportFixture());
    expect(resolveRounds(board, 'round:nope').ok).toBe(false);
    expect(() => list('round:nope')).toThrow(/no revealed round/);
  });

  it('counts only revealed round records: one without a reveal time is no result', () => {
    const doc = buildExportFixture();
    doc.transact(() => {
      // As an unrevealed or half-written record would look: no revealedAt.
      recordsMap(doc).set(FIXTURE.rounds.unrevealed!, newRecordMap({ title: 'Open', totals: { [N.welcome!]: 9 } }));
    }, ORIGIN.server);
    const l = buildPriorityList({
      board: readBoard(doc),
      round: 'all',
      commentCounts: new Map(),
      commentsIncluded: true,
      baseUrl: '',
    });
    expect(ids(l)).not.toContain(N.welcome);
    expect(l.availableRounds.map((r) => r.id)).toEqual([FIXTURE.rounds.first, FIXTURE.rounds.second]);
    expect(resolveRounds(readBoard(doc), FIXTURE.rounds.unrevealed!).ok).toBe(false);
  });

  it('is useful before any round: pain points, ideas and actions with 0 votes, in board order', () => {
    const doc = buildExportFixture(new Y.Doc());
    doc.transact(() => {
      recordsMap(doc).delete(FIXTURE.rounds.first!);
      recordsMap(doc).delete(FIXTURE.rounds.second!);
    });
    const l = buildPriorityList({
      board: readBoard(doc),
      round: 'latest',
      commentCounts: new Map(),
      commentsIncluded: true,
      baseUrl: '',
    });
    expect(l.round.rounds).toEqual([]);
    expect(ids(l)).toEqual([N.ads, N.shipping, N.formula, N.reviews, N.agents, N.orphan]);
    expect(l.items.every((i) => i.votes === 0)).toBe(true);
  });

  it('keeps a voted note deleted since the round, from the round’s record of it', () => {
    const removed = list().items.find((i) => i.noteId === N.deleted)!;
    expect(removed).toMatchObject({
      removed: true,
      text: 'Slow page, now merged',
      stage: 'Decision',
      lane: 'Pain points',
      kind: 'pain',
      link: null,
      department: null,
    });
  });

  it('filters by stage, kind and department, keeping board-wide ranks', () => {
    const byStage = list('latest', { filters: { stageIds: [FIXTURE.stages.use as never] } });
    expect(byStage.items.map((i) => [i.noteId, i.rank])).toEqual([
      [N.reviews, 5],
      [N.agents, 6],
    ]);
    expect(byStage.totalItems).toBe(7);
    expect(ids(list('latest', { filters: { kinds: ['idea'] } }))).toEqual([N.formula, N.agents]);
    expect(ids(list('latest', { filters: { departments: ['sales'] } }))).toEqual([N.shipping, N.orphan]);
    expect(
      ids(
        list('latest', {
          filters: { departments: ['sales'], kinds: ['pain'], stageIds: [FIXTURE.stages.decision as never] },
        }),
      ),
    ).toEqual([N.shipping]);
  });

  it('carries action fields, authors, comment counts and deep links', () => {
    const shipping = list().items.find((i) => i.noteId === N.shipping)!;
    expect(shipping).toMatchObject({
      owner: 'Bo Ström',
      status: 'in-progress',
      due: '2026-12-15',
      author: 'Ann',
      department: 'sales',
      comments: 2,
    });
    expect(shipping.link).toBe('https://jb.example/b/fixtureboard01?note=note:shipping');
    expect(list().items.find((i) => i.noteId === N.formula)!.comments).toBe(0);
  });

  it('says "no count" rather than 0 when comments are not available', () => {
    const l = list('latest', { commentsIncluded: false, commentCounts: new Map() });
    expect(l.commentsIncluded).toBe(false);
    expect(l.items.every((i) => i.comments === null)).toBe(true);
  });

  it('follows a round written by the server helper, and the helper validates', () => {
    const doc = buildExportFixture();
    writeRoundRecord(doc, 'round:third', round('Third', 1_790_000_500_000, { [N.welcome!]: 7 }));
    expect(
      buildPriorityList({
        board: readBoard(doc),
        round: 'latest',
        commentCounts: new Map(),
        commentsIncluded: true,
        baseUrl: '',
      }).items[0],
    ).toMatchObject({ noteId: N.welcome, votes: 7, rank: 1 });
    expect(() => writeRoundRecord(doc, 'round:bad', { ...round('Bad', 1, {}), dotsPerPerson: 0 })).toThrow();
    expect(recordsMap(doc).has('round:bad')).toBe(false);
  });

  it('parses the round choice of a URL', () => {
    expect(parseRoundChoice(null)).toBe('latest');
    expect(parseRoundChoice('')).toBe('latest');
    expect(parseRoundChoice('all')).toBe('all');
    expect(parseRoundChoice('round:abc')).toBe('round:abc');
    expect(parseRoundChoice('note:abc')).toBeNull();
    expect(parseRoundChoice('round:')).toBeNull();
    expect(noteDeepLink('http://h:1/', 'b1', 'note:x y')).toBe('http://h:1/b/b1?note=note:x%20y');
  });
});
