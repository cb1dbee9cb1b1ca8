import { describe, expect, it } from 'vitest';
import { getRecord } from '../../doc/boardDoc.ts';
import { CommandError } from '../errors.ts';
import { attemptWrite, createTestBoard, type TestBoard } from '../../testing/board.ts';

const names = (t: TestBoard, what: 'stages' | 'lanes') => t.board()[what].map((x) => x.name);

function add(t: TestBoard, stage: string, lane: string, text: string) {
  return t.run('addNote', { stageId: t.stage(stage).id, laneId: t.lane(lane).id, text });
}

describe('board and stages', () => {
  it('renameBoard sets the trimmed title in meta', () => {
    const t = createTestBoard();
    t.run('renameBoard', { title: '  Checkout journey  ' });
    expect(t.board().meta.title).toBe('Checkout journey');
  });

  it('addStage appends, or inserts at a position', () => {
    const t = createTestBoard();
    const id = t.run('addStage', { name: 'Onboarding' });
    expect(id).toMatch(/^stage:/);
    t.run('addStage', { name: 'Research', position: 1 });
    expect(names(t, 'stages')).toEqual([
      'Awareness',
      'Research',
      'Consideration',
      'Decision',
      'Retention',
      'Advocacy',
      'Onboarding',
    ]);
    expect(t.stage('Onboarding')).toMatchObject({ id, description: '' });
  });

  it('renameStage and describeStage change only that stage', () => {
    const t = createTestBoard();
    t.run('renameStage', { stageId: t.stage('Decision').id, name: 'Purchase' });
    t.run('describeStage', { stageId: t.stage('Purchase').id, description: 'Chooses and pays' });
    expect(names(t, 'stages')).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']);
    expect(t.stage('Purchase').description).toBe('Chooses and pays');
    expect(t.stage('Awareness').description).toBe('');
  });

  it('moveStage moves to a position among the other stages, keeping its notes', () => {
    const t = createTestBoard();
    const note = add(t, 'Advocacy', 'Thoughts', 'tell friends');
    t.run('moveStage', { stageId: t.stage('Advocacy').id, position: 0 });
    expect(names(t, 'stages')).toEqual(['Advocacy', 'Awareness', 'Consideration', 'Decision', 'Retention']);
    t.run('moveStage', { stageId: t.stage('Awareness').id, position: 4 });
    expect(names(t, 'stages')).toEqual(['Advocacy', 'Consideration', 'Decision', 'Retention', 'Awareness']);
    expect(t.note(note).position.stageId).toBe(t.stage('Advocacy').id);
  });
});

describe('lanes', () => {
  it('addLane appends with a kind, or inserts at a position', () => {
    const t = createTestBoard();
    t.run('addLane', { name: 'KPIs', kind: 'idea' });
    t.run('addLane', { name: 'Backstage', kind: 'action', position: 0 });
    expect(names(t, 'lanes')).toEqual([
      'Backstage',
      'Touchpoints',
      'Customer actions',
      'Thoughts',
      'Emotions',
      'Pain points',
      'Opportunities',
      'KPIs',
    ]);
    expect(t.lane('Backstage').kind).toBe('action');
  });

  it('renameLane, setLaneKind and moveLane', () => {
    const t = createTestBoard();
    t.run('renameLane', { laneId: t.lane('Thoughts').id, name: 'Questions' });
    t.run('setLaneKind', { laneId: t.lane('Questions').id, kind: 'pain' });
    t.run('moveLane', { laneId: t.lane('Questions').id, position: 5 });
    expect(names(t, 'lanes')).toEqual([
      'Touchpoints',
      'Customer actions',
      'Emotions',
      'Pain points',
      'Opportunities',
      'Questions',
    ]);
    expect(t.lane('Questions').kind).toBe('pain');
  });

  it('a lane’s kind is only the default for new notes: changing it leaves existing notes alone', () => {
    const t = createTestBoard();
    const before = add(t, 'Decision', 'Thoughts', 'old');
    t.run('setLaneKind', { laneId: t.lane('Thoughts').id, kind: 'idea' });
    const after = add(t, 'Decision', 'Thoughts', 'new');
    expect(t.note(before).kind).toBe('thought');
    expect(t.note(after).kind).toBe('idea');
  });
});

describe.each([
  { what: 'stage', command: 'removeStage', other: 'Decision', victim: 'Consideration' },
  { what: 'lane', command: 'removeLane', other: 'Pain points', victim: 'Thoughts' },
] as const)('$command', ({ what, command, other, victim }) => {
  // Builds a board where `victim` holds notes and `other` (the target) holds one already.
  function setup() {
    const t = createTestBoard();
    const cellOf = (name: string) =>
      what === 'stage' ? { stage: name, lane: 'Thoughts' } : { stage: 'Consideration', lane: name };
    const v = cellOf(victim);
    const o = cellOf(other);
    add(t, o.stage, o.lane, 'already there');
    const a = add(t, v.stage, v.lane, 'a');
    const b = add(t, v.stage, v.lane, 'b');
    const c = add(t, v.stage, v.lane, 'c');
    t.run('moveNotes', { noteIds: [c], stageId: t.stage(v.stage).id, laneId: t.lane(v.lane).id, position: 0 });
    const idOf = (name: string) => (what === 'stage' ? t.stage(name).id : t.lane(name).id);
    const remove = (decision?: { notes: 'delete' } | { notes: 'move'; to: string }) =>
      command === 'removeStage'
        ? t.run('removeStage', { stageId: t.stage(victim).id, decision: decision as never })
        : t.run('removeLane', { laneId: t.lane(victim).id, decision: decision as never });
    return { t, a, b, c, o, idOf, remove };
  }

  it(`removing a ${what} that holds notes needs a decision and writes nothing without one`, () => {
    const { t, remove } = setup();
    const attempt = attemptWrite(t.doc, () => remove());
    expect(attempt.error).toBeInstanceOf(CommandError);
    expect((attempt.error as CommandError).code).toBe('needs-decision');
    expect(attempt.changed).toBe(false);
    expect(attempt.updates).toBe(0);
  });

  it(`{notes:'move'} appends the notes after the target cell’s notes, in their order`, () => {
    const { t, a, b, c, o, idOf, remove } = setup();
    remove({ notes: 'move', to: idOf(other) });
    expect(names(t, what === 'stage' ? 'stages' : 'lanes')).not.toContain(victim);
    expect(t.cellTexts(o.stage, o.lane)).toEqual(['already there', 'c', 'a', 'b']);
    for (const id of [a, b, c]) expect(t.board().notesById.has(id)).toBe(true);
    expect(t.board().orphanNotes).toEqual([]);
  });

  it(`{notes:'delete'} deletes the ${what}’s notes and nothing else`, () => {
    const { t, a, b, c, o, remove } = setup();
    const total = t.board().notes.length;
    remove({ notes: 'delete' });
    for (const id of [a, b, c]) expect(getRecord(t.doc, id)).toBeUndefined();
    expect(t.board().notes).toHaveLength(total - 3);
    expect(t.cellTexts(o.stage, o.lane)).toEqual(['already there']);
  });

  it(`moving the notes into the ${what} being removed is refused`, () => {
    const { t, idOf, remove } = setup();
    const attempt = attemptWrite(t.doc, () => remove({ notes: 'move', to: idOf(victim) }));
    expect((attempt.error as CommandError).code).toBe('invalid-input');
    expect(attempt.changed).toBe(false);
  });

  it(`moving the notes to a missing ${what} is refused`, () => {
    const { t, remove } = setup();
    const attempt = attemptWrite(t.doc, () => remove({ notes: 'move', to: `${what}:missing` }));
    expect((attempt.error as CommandError).code).toBe('not-found');
    expect(attempt.changed).toBe(false);
  });

  it(`an empty ${what} is removed without a decision`, () => {
    const t = createTestBoard();
    if (command === 'removeStage') t.run('removeStage', { stageId: t.stage(victim).id });
    else t.run('removeLane', { laneId: t.lane(victim).id });
    expect(names(t, what === 'stage' ? 'stages' : 'lanes')).not.toContain(victim);
  });
});

describe('a journey keeps at least one stage and one lane', () => {
  it('the last stage cannot be removed', () => {
    const t = createTestBoard();
    for (const s of t.board().stages.slice(1)) t.run('removeStage', { stageId: s.id });
    const attempt = attemptWrite(t.doc, () => t.run('removeStage', { stageId: t.stage('Awareness').id }));
    expect((attempt.error as CommandError).code).toBe('invalid-input');
    expect(attempt.changed).toBe(false);
    expect(names(t, 'stages')).toEqual(['Awareness']);
  });

  it('the last lane cannot be removed', () => {
    const t = createTestBoard();
    for (const l of t.board().lanes.slice(1)) t.run('removeLane', { laneId: l.id });
    const attempt = attemptWrite(t.doc, () => t.run('removeLane', { laneId: t.lane('Touchpoints').id }));
    expect((attempt.error as CommandError).code).toBe('invalid-input');
    expect(attempt.changed).toBe(false);
    expect(names(t, 'lanes')).toEqual(['Touchpoints']);
  });
});
