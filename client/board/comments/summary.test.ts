import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommentsCommand, migrateComments, readComments } from '../../../shared/comments/index.ts';
import { findTemplate, initializeBoard, ORIGIN, readBoard } from '../../../shared/index.ts';
import type { VisitInfo } from '../../../shared/protocol/visits.ts';
import { buildArrivalSummary, summaryHeadline } from './summary.ts';

const ann = { id: 'ann', name: 'Ann', department: 'sales' } as const;
const bob = { id: 'bob', name: 'Bob', department: 'support' } as const;

describe('arrival summary', () => {
  const boardDoc = new Y.Doc();
  initializeBoard(boardDoc, { boardId: 'board0000001', title: 'T', template: findTemplate('ecommerce')!, now: 0 });
  const board = readBoard(boardDoc);
  const commentsDoc = new Y.Doc();
  migrateComments(commentsDoc, 'board0000001');
  const note = board.notes[0]!;
  const { threadId } = executeCommentsCommand(
    commentsDoc,
    ann,
    'startThread',
    { target: { kind: 'note', id: note.id }, text: 'Old one' },
    'x',
    100,
  );
  executeCommentsCommand(commentsDoc, bob, 'reply', { threadId, text: 'New from Bob' }, 'x', 600);
  executeCommentsCommand(commentsDoc, ann, 'reply', { threadId, text: 'Mine, not news' }, 'x', 700);
  const visit = (over: Partial<VisitInfo> = {}): VisitInfo => ({
    type: 'journeyboard:visit-info',
    now: 1000,
    firstSeenAt: 1,
    previousSeenAt: 500,
    reads: {},
    notes: [],
    ...over,
  });

  it('is empty on a first visit and when nothing changed', () => {
    expect(buildArrivalSummary(visit({ previousSeenAt: null }), board, readComments(commentsDoc), 'ann')).toBeNull();
    expect(buildArrivalSummary(visit({ previousSeenAt: 800 }), board, readComments(commentsDoc), 'ann')).toBeNull();
  });

  it('lists note changes (marking notes that are gone), comments by others since, and a headline', () => {
    const s = buildArrivalSummary(
      visit({
        notes: [
          { noteId: note.id, change: 'edited', at: 900, label: 'x' },
          { noteId: 'note:gone', change: 'deleted', at: 800, label: 'Old idea' },
          { noteId: board.notes[1]!.id, change: 'added', at: 700, label: 'y' },
        ],
      }),
      board,
      readComments(commentsDoc),
      'ann',
    )!;
    expect(s.notes.map((n) => [n.change, n.exists])).toEqual([
      ['edited', true],
      ['deleted', false],
      ['added', true],
    ]);
    expect(s.comments.map((c) => c.comment.text)).toEqual(['New from Bob']);
    expect(summaryHeadline(s)).toBe('1 note added, 1 edited, 1 deleted, 1 comment');
  });

  it('lists rounds revealed since the visit, each with its most-voted note', () => {
    const [n1, n2] = board.notes;
    const writeRound = (id: string, revealedAt: number, totals: Record<string, number>) =>
      boardDoc.transact(() => {
        const rec = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({
          title: `Round ${id}`,
          openedAt: 1,
          revealedAt,
          dotsPerPerson: 3,
          anonymous: true,
          voterCount: 2,
          totals,
          notes: {},
          byDepartment: {},
          byPerson: null,
        }))
          rec.set(k, v);
        boardDoc.getMap('records').set(id, rec);
      }, ORIGIN.server);
    writeRound('round:old', 400, { [n1!.id]: 1 });
    writeRound('round:new', 900, { [n1!.id]: 1, [n2!.id]: 4 });
    const s = buildArrivalSummary(
      visit({ previousSeenAt: 800 }),
      readBoard(boardDoc),
      readComments(commentsDoc),
      'ann',
    )!;
    expect(s.rounds.map((r) => [r.round.id, r.topNote])).toEqual([['round:new', n2!.id]]);
    expect(summaryHeadline(s)).toBe('1 vote revealed');
  });
});
