import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestBoard } from '../testing/board.ts';
import { initializeBoard } from './createBoard.ts';
import { boardTemplateSchema, isSavedTemplateId, templateFromBoard } from './savedTemplate.ts';
import { readBoard } from './snapshot.ts';
import { structureOf } from '../testing/templateStructure.ts';

function workshopBoard() {
  const t = createTestBoard('ecommerce');
  const purchase = t.stage('Purchase').id;
  t.run('describeStage', { stageId: purchase, description: 'Cart to payment' });
  // A second lane of a kind that exists already: the template must keep which lane a note is in.
  const extra = t.run('addLane', { name: 'Backstage pains', kind: 'pain' });
  const backstage = t.run('addNote', {
    stageId: purchase,
    laneId: extra,
    text: 'Payment provider times out',
    colour: '#ffcc00',
  });
  const pain = t.board().notes.find((n) => n.kind === 'pain' && n.position.laneId !== extra)!;
  t.run('setNoteAction', { noteIds: [pain.id], owner: 'Dana', status: 'in-progress', due: '2026-12-01' });
  t.run('setKpi', {
    stageId: purchase,
    metric: 'Checkout conversion',
    value: 2.1,
    target: 3,
    unit: '%',
    previous: 1.9,
  });
  const [first, second] = t.board().notes;
  t.run('addConnector', { from: first!.id, to: backstage, kind: 'drop-out', label: 'gives up', share: 12 });
  t.run('addConnector', { from: backstage, to: second!.id, kind: 'loop-back' });
  return { t, backstage, pain };
}

describe('a board saved as a template', () => {
  it('keeps stages, lanes, personas, KPI definitions, the notes and their connectors; a board made from it has the same structure', () => {
    const { t } = workshopBoard();
    const before = t.board();
    const template = templateFromBoard(before, {
      id: 'saved-abcdefghijkl',
      name: 'Checkout workshop',
      description: 'd',
    });
    expect(boardTemplateSchema.safeParse(template).success).toBe(true);
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'copy', title: 'Copy', template });
    const after = readBoard(doc);
    const expected = structureOf(before);
    expect(structureOf(after)).toEqual(expected);
    expect(expected.connectors).toHaveLength(2);
    // And the note in the second pain lane stayed in that lane, not in the first of its kind.
    expect(expected.notes.some((n) => n[1] === `${before.lanes.length - 1}:Backstage pains`)).toBe(true);
  });

  it('leaves out what belongs to one workshop: action owners, statuses and dates, KPI values, authors', () => {
    const { t, pain } = workshopBoard();
    const template = templateFromBoard(t.board(), { id: 'saved-abcdefghijkl', name: 'n', description: '' });
    const json = JSON.stringify(template);
    expect(json).not.toContain('Dana');
    expect(json).not.toContain('2026-12-01');
    expect(json).not.toContain('in-progress');
    const doc = new Y.Doc();
    initializeBoard(doc, { boardId: 'copy', title: 'Copy', template });
    const after = readBoard(doc);
    expect(after.notes.every((n) => n.action === null && n.authorId === 'template')).toBe(true);
    expect(after.notes.find((n) => n.text === pain.text)).toBeDefined();
    expect(after.kpis.every((k) => k.value === null && k.previous === null)).toBe(true);
    expect(after.kpis.find((k) => k.metric === 'Checkout conversion')).toMatchObject({ target: 3, unit: '%' });
    expect(after.rounds).toEqual([]);
  });

  it('orphan notes stay behind', () => {
    const t = createTestBoard();
    const stageId = t.stage('Decision').id;
    t.run('addNote', { stageId, laneId: t.lane('Thoughts').id, text: 'orphan soon' });
    t.doc.getMap('records').delete(stageId);
    expect(templateFromBoard(t.board(), { id: 'saved-abcdefghijkl', name: 'n', description: '' }).notes).toEqual([]);
  });

  it('a stored template that points outside its own stages, lanes, personas or notes is refused', () => {
    const base = templateFromBoard(createTestBoard('b2b-saas-onboarding').board(), {
      id: 'saved-abcdefghijkl',
      name: 'n',
      description: '',
    });
    const note = base.notes[0]!;
    for (const bad of [
      { ...base, notes: [{ ...note, stage: 99 }] },
      { ...base, notes: [{ ...note, laneIndex: 99 }] },
      { ...base, notes: [{ ...note, personas: [7] }] },
      { ...base, kpis: [{ stage: 42, metric: 'NPS' }] },
      { ...base, stages: [] },
      { ...base, notes: [{ ...note, department: 'legal' }] },
      { ...base, connectors: [{ from: 0, to: 0, kind: 'next-step' }] },
      { ...base, connectors: [{ from: 0, to: base.notes.length, kind: 'next-step' }] },
      { ...base, connectors: [{ from: 0, to: 1, kind: 'teleport' }] },
      { ...base, connectors: [{ from: 0, to: 1, kind: 'next-step', share: 101 }] },
    ])
      expect(boardTemplateSchema.safeParse(bad).success).toBe(false);
    expect(boardTemplateSchema.safeParse(base).success).toBe(true);
  });

  it('saved ids cannot collide with built-in ones', () => {
    expect(isSavedTemplateId('saved-0123456789ab')).toBe(true);
    for (const id of ['ecommerce', 'saved-', 'saved-0123456789AB', 'saved-0123456789abc'])
      expect(isSavedTemplateId(id)).toBe(false);
  });
});
