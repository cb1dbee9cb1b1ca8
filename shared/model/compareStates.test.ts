import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestBoard, testBoardOf } from '../testing/board.ts';
import { readBoard } from './snapshot.ts';
import { compareStates } from './compareStates.ts';
import { compareToMarkdown } from '../export/compareMarkdown.ts';
import { futureStateTitle, writeFutureState } from './futureState.ts';
import { recordsMap } from '../doc/boardDoc.ts';
import type { LaneId, NoteId, StageId } from '../schema/ids.ts';

/** A current board with a pain point, a touchpoint on the web, a KPI and an arrow, and its future state. */
function twoStates() {
  const current = createTestBoard('blank');
  const [discover, buy] = current.board().stages;
  const [touchLane, painLane] = [
    current.board().lanes.find((l) => l.kind === 'touchpoint')!,
    current.board().lanes.find((l) => l.kind === 'pain')!,
  ];
  const add = (stageId: StageId, laneId: LaneId, text: string) => current.run('addNote', { stageId, laneId, text });
  const slow = add(discover!.id, painLane.id, 'Slow search');
  const queue = add(buy!.id, painLane.id, 'Long queue at the till');
  const site = add(discover!.id, touchLane.id, 'Visits the site');
  const till = add(buy!.id, touchLane.id, 'Pays at the till');
  current.run('setNoteChannel', { noteIds: [site], channelId: 'channel:web' });
  current.run('setNoteChannel', { noteIds: [till], channelId: 'channel:store' });
  current.run('addConnector', { from: site, to: till, kind: 'next-step' });
  current.run('setKpi', { stageId: buy!.id, metric: 'CSAT', value: 3.9, target: 4.2 });

  const futureDoc = new Y.Doc();
  writeFutureState(current.doc, futureDoc, { boardId: 'future-board', title: 'Journey (future state)', now: 2 });
  const future = testBoardOf(futureDoc);
  return { current, future, discover: discover!, buy: buy!, slow, queue, site, till, touchLane, painLane };
}

describe('writeFutureState', () => {
  it('copies stages, lanes, personas, channels, KPIs, notes and connectors with their ids, not voting rounds', () => {
    const { current, future } = twoStates();
    recordsMap(current.doc).set('round:abc', new Y.Map());
    const copy = new Y.Doc();
    writeFutureState(current.doc, copy, { boardId: 'again', title: 'Again', now: 3 });
    const was = current.board();
    const is = readBoard(copy);
    expect(is.meta).toMatchObject({ boardId: 'again', title: 'Again', createdAt: 3 });
    expect(is.stages).toEqual(was.stages);
    expect(is.lanes).toEqual(was.lanes);
    expect(is.channels).toEqual(was.channels);
    expect(is.kpis).toEqual(was.kpis);
    expect(is.notes).toEqual(was.notes);
    expect(is.connectors).toEqual(was.connectors);
    expect(recordsMap(copy).has('round:abc')).toBe(false);
    expect(future.board().notes.length).toBe(4);
  });

  it('leaves the current board alone when the future one changes', () => {
    const { current, future, slow } = twoStates();
    future.run('deleteNotes', { noteIds: [slow] });
    expect(current.board().notesById.has(slow)).toBe(true);
  });

  it('names the future state after the current one, within the title limit', () => {
    expect(futureStateTitle('Checkout')).toBe('Checkout (future state)');
    expect(futureStateTitle('x'.repeat(120))).toHaveLength(120);
  });
});

describe('compareStates', () => {
  it('a fresh copy removes and adds nothing, keeps every pain point and changes no touchpoint', () => {
    const { current, future, discover, slow, queue } = twoStates();
    const compare = compareStates(current.board(), future.board());
    expect(compare.totals).toEqual({ painsRemoved: 0, painsKept: 2, painsAdded: 0, touchpointsChanged: 0 });
    const [first, second] = compare.stages;
    expect(first).toMatchObject({ stageId: discover.id, on: 'both' });
    expect(first!.pains.kept).toEqual([{ id: slow, text: 'Slow search', before: null }]);
    expect(second!.pains.kept).toEqual([{ id: queue, text: 'Long queue at the till', before: null }]);
    expect(second!.channels).toEqual({ current: ['Store'], future: ['Store'], added: [], dropped: [] });
    expect(second!.kpis).toEqual([
      expect.objectContaining({
        metric: 'CSAT',
        current: { value: 3.9, target: 4.2 },
        future: { value: 3.9, target: 4.2 },
      }),
    ]);
  });

  it('lists the pain points the future removes (deleted or no longer a pain), keeps (rewritten) and adds', () => {
    const { current, future, buy, discover, slow, queue, painLane } = twoStates();
    future.run('deleteNotes', { noteIds: [slow] });
    future.run('editNoteText', { noteId: queue, text: 'Short queue' });
    const added = future.run('addNote', {
      stageId: buy.id,
      laneId: painLane.id,
      text: 'App crashes at payment',
    }) as NoteId;
    const compare = compareStates(current.board(), future.board());
    const [first, second] = compare.stages;
    expect(first!.stageId).toBe(discover.id);
    expect(first!.pains).toEqual({ removed: [{ id: slow, text: 'Slow search', before: null }], kept: [], added: [] });
    expect(second!.pains.kept).toEqual([{ id: queue, text: 'Short queue', before: 'Long queue at the till' }]);
    expect(second!.pains.added).toEqual([{ id: added, text: 'App crashes at payment', before: null }]);
    expect(compare.totals).toMatchObject({ painsRemoved: 1, painsKept: 1, painsAdded: 1 });
  });

  it('a pain point turned into an idea is removed; an idea turned into a pain point is added', () => {
    const { current, future, queue } = twoStates();
    future.run('updateNotes', { noteIds: [queue], patch: { kind: 'idea' } });
    expect(compareStates(current.board(), future.board()).stages[1]!.pains.removed.map((p) => p.id)).toEqual([queue]);
    expect(compareStates(future.board(), current.board()).stages[1]!.pains.added.map((p) => p.id)).toEqual([queue]);
  });

  it('lists touchpoints whose channel, text or stage changed, with both sides, and the channels that change', () => {
    const { current, future, discover, buy, site, till, touchLane } = twoStates();
    future.run('setNoteChannel', { noteIds: [till], channelId: 'channel:app' });
    future.run('moveNotes', { noteIds: [site], stageId: buy.id, laneId: touchLane.id });
    const chat = future.run('addNote', { stageId: discover.id, laneId: touchLane.id, text: 'Asks the bot' }) as NoteId;
    future.run('setNoteChannel', { noteIds: [chat], channelId: 'channel:chat' });
    const [first, second] = compareStates(current.board(), future.board()).stages;
    expect(first!.touchpoints).toEqual([
      { id: chat, change: 'added', before: null, after: { text: 'Asks the bot', channel: 'Chat' } },
    ]);
    expect(first!.channels).toEqual({ current: ['Web'], future: ['Chat'], added: ['Chat'], dropped: ['Web'] });
    expect(second!.touchpoints).toEqual([
      {
        id: site,
        change: 'changed',
        before: { text: 'Visits the site', channel: 'Web' },
        after: { text: 'Visits the site', channel: 'Web' },
      },
      {
        id: till,
        change: 'changed',
        before: { text: 'Pays at the till', channel: 'Store' },
        after: { text: 'Pays at the till', channel: 'Mobile app' },
      },
    ]);
    expect(second!.channels).toMatchObject({ added: ['Mobile app', 'Web'], dropped: ['Store'] });
  });

  it("shows both boards' KPI targets, and a KPI only one board has", () => {
    const { current, future, buy, discover } = twoStates();
    future.run('setKpi', { stageId: buy.id, metric: 'CSAT', target: 4.6 });
    future.run('setKpi', { stageId: discover.id, metric: 'NPS', target: 30 });
    const [first, second] = compareStates(current.board(), future.board()).stages;
    expect(second!.kpis).toEqual([
      expect.objectContaining({
        metric: 'CSAT',
        current: { value: 3.9, target: 4.2 },
        future: { value: 3.9, target: 4.6 },
      }),
    ]);
    expect(first!.kpis).toEqual([
      expect.objectContaining({ metric: 'NPS', current: null, future: { value: null, target: 30 } }),
    ]);
  });

  it('a stage removed from the future comes last with its pain points removed; a new stage is the future’s only', () => {
    const { current, future, discover, slow } = twoStates();
    future.run('removeStage', { stageId: discover.id, decision: { notes: 'delete' } });
    const added = future.run('addStage', { name: 'Return' });
    const stages = compareStates(current.board(), future.board()).stages;
    // The blank template has five stages: four stay, one is new, the first is gone.
    expect(stages.map((s) => s.on)).toEqual(['both', 'both', 'both', 'both', 'future', 'current']);
    expect(stages[4]!.stageId).toBe(added);
    expect(stages[5]).toMatchObject({
      stageId: discover.id,
      pains: { removed: [expect.objectContaining({ id: slow })] },
    });
  });
});

describe('compareToMarkdown', () => {
  it('writes totals, then per stage a table of pain points, the touchpoints that change, channels and KPI targets', () => {
    const { current, future, buy, queue, till } = twoStates();
    future.run('editNoteText', { noteId: queue, text: 'Queue | gone' });
    future.run('setNoteChannel', { noteIds: [till], channelId: 'channel:app' });
    future.run('setKpi', { stageId: buy.id, metric: 'CSAT', target: 4.6 });
    const md = compareToMarkdown(compareStates(current.board(), future.board()));
    expect(md).toContain('# Journey → Journey (future state)');
    expect(md).toContain('Pain points: 0 removed, 2 kept, 0 added. Touchpoints changed: 1.');
    expect(md).toContain('| Queue \\| gone | kept (was “Long queue at the till”) |');
    expect(md).toContain('| Pays at the till · Store | Pays at the till · Mobile app | changed |');
    expect(md).toContain('Channels: Store → Mobile app (added: Mobile app; dropped: Store).');
    expect(md).toMatch(/\| CSAT \| 3\.9\S* \| 4\.2\S* \| 4\.6\S* \|/);
  });
});
