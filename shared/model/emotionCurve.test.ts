import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel, emotionCurve, findTemplate, initializeBoard, readBoard } from '../index.ts';

function setup() {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate('blank')! });
  const model = new BoardModel(doc, { id: 'u', name: 'U', department: 'sales' });
  const b = readBoard(doc);
  const emotions = b.lanes.find((l) => l.kind === 'emotion')!;
  const add = (stage: number, sentiment: number, department: 'sales' | 'support' = 'sales', laneId = emotions.id) =>
    model.run('addNote', { stageId: b.stages[stage]!.id, laneId, kind: 'emotion', sentiment, department });
  return { doc, model, b, add };
}

describe('emotion curve', () => {
  it('is empty (all stages null) on a board without emotion notes', () => {
    const { doc } = setup();
    const [series] = emotionCurve(readBoard(doc));
    expect(series!.points).toEqual([null, null, null, null, null]);
  });

  it('one note in a stage gives that sentiment as mean, min and max', () => {
    const { doc, add } = setup();
    const id = add(2, -2);
    const p = emotionCurve(readBoard(doc))[0]!.points[2];
    expect(p).toMatchObject({ mean: -2, min: -2, max: -2, noteIds: [id] });
  });

  it('mean and range per stage, counting emotion notes in any lane, ignoring other kinds', () => {
    const { doc, add, b, model } = setup();
    add(0, 2);
    add(0, -1);
    add(0, 1, 'sales', b.lanes[0]!.id); // an emotion note left in the touchpoints lane still counts
    model.run('addNote', { stageId: b.stages[0]!.id, laneId: b.lanes[4]!.id, kind: 'pain' });
    const p = emotionCurve(readBoard(doc))[0]!.points[0]!;
    expect(p.mean).toBeCloseTo(2 / 3);
    expect([p.min, p.max, p.noteIds.length]).toEqual([-1, 2, 3]);
  });

  it('moves when a sentiment changes', () => {
    const { doc, add, model } = setup();
    const id = add(1, -1);
    model.run('updateNotes', { noteIds: [id], patch: { sentiment: 2 } });
    expect(emotionCurve(readBoard(doc))[0]!.points[1]!.mean).toBe(2);
  });

  it('by department: one series per department that wrote emotions', () => {
    const { doc, add } = setup();
    add(0, 2, 'sales');
    add(0, -2, 'support');
    add(3, 0, 'support');
    const series = emotionCurve(readBoard(doc), 'department');
    expect(series.map((s) => s.key)).toEqual(['sales', 'support']);
    expect(series[1]!.points.map((p) => p?.mean ?? null)).toEqual([-2, null, null, 0, null]);
  });

  it('by persona: one series per persona tagged on an emotion note; a note tagged twice counts in both', () => {
    const { doc, add, model } = setup();
    const priya = model.run('addPersona', { name: 'Priya' });
    const sam = model.run('addPersona', { name: 'Sam' });
    model.run('addPersona', { name: 'Untagged' });
    const both = add(1, 2);
    const onlySam = add(1, -2);
    add(4, -1); // no persona: in no persona series
    model.run('tagNotes', { noteIds: [both], personaId: priya, tagged: true });
    model.run('tagNotes', { noteIds: [both, onlySam], personaId: sam, tagged: true });
    const series = emotionCurve(readBoard(doc), 'persona');
    expect(series.map((s) => s.label)).toEqual(['Priya', 'Sam']);
    expect(series[0]!.points.map((p) => p?.mean ?? null)).toEqual([null, 2, null, null, null]);
    expect(series[1]!.points[1]).toMatchObject({ mean: 0, min: -2, max: 2 });
    expect(series[1]!.points[4]).toBeNull();
  });
});
