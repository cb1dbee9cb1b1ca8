import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardModel,
  emotionCurve,
  findTemplate,
  initializeBoard,
  readBoard,
  type BoardSnapshot,
  type Draft,
} from '../../shared/index.ts';
import { plotCurve } from '../geometry/curveGeometry.ts';
import { computeLayout } from '../geometry/layout.ts';
import { BoardLayouts } from './BoardLayouts.ts';

function board(template = 'blank') {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate(template)! });
  const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
  return { doc, model, read: (): BoardSnapshot => readBoard(doc) };
}

describe('layoutFor', () => {
  it('reuses the layout after an edit that moves nothing, and lays out again after a move', () => {
    const { model } = board('ecommerce');
    const first = model.source.getSnapshot();
    const layouts = new BoardLayouts();
    const l1 = layouts.layoutFor(first);
    const a = first.notes[0]!;
    const b = first.notes.find((n) => n.position.stageId !== a.position.stageId)!;
    model.run('editNoteText', { noteId: a.id, text: 'a remote edit moves nothing' });
    const edited = model.source.getSnapshot();
    expect(edited).not.toBe(first);
    expect(layouts.layoutFor(edited)).toBe(l1);
    model.run('moveNotes', { noteIds: [a.id], stageId: b.position.stageId, laneId: b.position.laneId, position: 0 });
    const moved = model.source.getSnapshot();
    const l2 = layouts.layoutFor(moved);
    expect(l2).not.toBe(l1);
    expect(l2).toEqual(computeLayout(readBoard(model.doc)));
    model.run('renameStage', { stageId: first.stages[0]!.id, name: 'Renamed' });
    expect(layouts.layoutFor(model.source.getSnapshot())).toEqual(l2);
  });
});

describe('curveFor', () => {
  it('keeps the plotted curve after an edit to a note that is not on it, and plots again when an emotion changes', () => {
    const { model } = board('ecommerce');
    const first = model.source.getSnapshot();
    const layouts = new BoardLayouts();
    const c1 = layouts.curveFor(first, 'all');
    const plain = first.notes.find((n) => n.kind !== 'emotion')!;
    const emotion = first.notes.find((n) => n.kind === 'emotion' && n.sentiment !== null)!;
    model.run('editNoteText', { noteId: plain.id, text: 'not on the curve' });
    expect(layouts.curveFor(model.source.getSnapshot(), 'all')).toBe(c1);
    model.run('updateNotes', { noteIds: [emotion.id], patch: { sentiment: emotion.sentiment === 2 ? -2 : 2 } });
    const now = model.source.getSnapshot();
    const c2 = layouts.curveFor(now, 'all');
    expect(c2).not.toBe(c1);
    expect(c2).toEqual(plotCurve(computeLayout(readBoard(model.doc)), emotionCurve(readBoard(model.doc), 'all')));
  });
});

describe('my private drafts belong to one open board', () => {
  it('two boards open in one page: drafts on one take room there only, and clearing them lays it out as before', () => {
    const one = board('ecommerce');
    const other = board('ecommerce');
    const oneLayouts = new BoardLayouts();
    const otherLayouts = new BoardLayouts();
    const snapshot = one.model.source.getSnapshot();
    const plain = oneLayouts.layoutFor(snapshot);
    const stage = snapshot.stages[0]!;
    const lane = snapshot.lanes[0]!;
    const draft: Draft = {
      id: 'draft:aaaaaaaa',
      stageId: stage.id,
      laneId: lane.id,
      kind: null,
      text: 'mine',
      placedAt: 1,
      createdAt: 1,
      updatedAt: 1,
    };
    oneLayouts.setDrafts([draft]);
    expect(oneLayouts.layoutFor(snapshot).drafts.has(draft.id)).toBe(true);
    expect(oneLayouts.layoutFor(snapshot)).not.toBe(plain);

    const otherSnapshot = other.model.source.getSnapshot();
    expect(otherLayouts.layoutFor(otherSnapshot).drafts.size).toBe(0);
    expect(otherLayouts.layoutFor(otherSnapshot)).toEqual(computeLayout(otherSnapshot));

    oneLayouts.setDrafts([]);
    expect(oneLayouts.layoutFor(snapshot)).toEqual(plain);
  });
});
