import { describe, expect, it } from 'vitest';
import { buildPriorityList, buildSnapshot, readRound, type NoteId, type Round } from '../../../shared/index.ts';
import { createTestBoard } from '../../../shared/testing/board.ts';
import { compareRounds, rankRound } from './results.ts';

const board = buildSnapshot({ schemaVersion: 4, boardId: 'b', title: 'T', createdAt: 0 }, []);
/** A revealed round `id` with these totals; `notes` as revealed, by default each named after its id. */
const round = (
  id: string,
  totals: Record<string, number>,
  notes = Object.fromEntries(
    Object.keys(totals).map((k) => [k, { text: k.slice(5), kind: 'pain', stageId: 'stage:x', laneId: 'lane:y' }]),
  ),
): Round =>
  readRound(`round:${id}`, {
    title: id,
    openedAt: 1,
    revealedAt: 2,
    dotsPerPerson: 5,
    anonymous: true,
    voterCount: 3,
    totals,
    notes,
    byDepartment: {},
    byPerson: null,
  });

describe('voting results', () => {
  it('ranks by dots, ties as the priority list breaks them (deleted notes by id), and keeps the text as revealed', () => {
    const ranked = rankRound(round('a', { 'note:slow': 4, 'note:fees': 2, 'note:form': 4 }), board);
    expect(ranked.map((r) => [r.rank, r.text, r.dots, r.onBoard])).toEqual([
      [1, 'form', 4, false],
      [2, 'slow', 4, false],
      [3, 'fees', 2, false],
    ]);
  });

  it('one tie rule: the results panel and the priority list rank tied notes alike', () => {
    const t = createTestBoard('ecommerce');
    const pains = t.board().notes.filter((n) => n.kind === 'pain' || n.kind === 'idea');
    // Every note tied at 2 dots, listed in reverse board order and with texts that sort otherwise.
    const totals = Object.fromEntries(pains.map((n) => [n.id, 2]).reverse());
    const tied = round('tie', totals, {});
    const snapshot = t.board();
    const withRound = { ...snapshot, rounds: [tied] };
    const list = buildPriorityList({
      board: withRound,
      round: 'latest',
      commentCounts: new Map(),
      commentsIncluded: false,
      baseUrl: 'http://x',
    });
    const fromList = list.items.filter((it) => it.votes > 0).map((it) => [it.rank, it.noteId]);
    expect(rankRound(tied, snapshot).map((r) => [r.rank, r.noteId])).toEqual(fromList);
    expect(fromList.map(([, id]) => id)).toEqual(pains.map((n) => n.id));
  });

  it('compares two rounds: who moved up, down, came in or dropped out', () => {
    const first = round('a', { 'note:slow': 5, 'note:fees': 3, 'note:form': 1 });
    const second = round('b', { 'note:fees': 6, 'note:slow': 2, 'note:new': 1 });
    const rows = compareRounds(first, second, board);
    const moved = Object.fromEntries(rows.map((r) => [r.text, r.moved]));
    expect(moved).toEqual({ fees: 1, slow: -1, new: null, form: null });
    expect(rows.map((r) => r.text)).toEqual(['fees', 'slow', 'new', 'form']);
    expect(rows.find((r) => r.noteId === ('note:form' as NoteId))?.after).toBeNull();
  });
});
