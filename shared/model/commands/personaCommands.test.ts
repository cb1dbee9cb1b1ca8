import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestBoard } from '../../testing/board.ts';
import { executeCommand } from './index.ts';
import { emotionCurve, readBoard, recordRepair } from '../../index.ts';

describe('personas', () => {
  it('add, update and order persona cards; colours rotate', () => {
    const t = createTestBoard();
    const a = t.run('addPersona', { name: 'Priya', role: 'Procurement lead', quote: 'Show me the total cost.' });
    const b = t.run('addPersona', { name: 'Sam' });
    t.run('updatePersona', {
      personaId: b,
      patch: { goals: 'Finish onboarding in a week', frustrations: 'Waiting on IT' },
    });
    const personas = t.board().personas;
    expect(personas.map((p) => p.name)).toEqual(['Priya', 'Sam']);
    expect(personas[0]).toMatchObject({ id: a, role: 'Procurement lead', quote: 'Show me the total cost.' });
    expect(personas[1]).toMatchObject({ goals: 'Finish onboarding in a week', frustrations: 'Waiting on IT' });
    expect(personas[0]!.colour).not.toBe(personas[1]!.colour);
  });

  it('tags notes, untags them, and removing a persona removes its tags but keeps the notes', () => {
    const t = createTestBoard();
    const cell = { stageId: t.stage('Awareness').id, laneId: t.lane('Emotions').id };
    const n1 = t.run('addNote', { ...cell, text: 'a' });
    const n2 = t.run('addNote', { ...cell, text: 'b' });
    const p = t.run('addPersona', { name: 'Priya' });
    const q = t.run('addPersona', { name: 'Sam' });
    t.run('tagNotes', { noteIds: [n1, n2], personaId: p, tagged: true });
    t.run('tagNotes', { noteIds: [n1], personaId: q, tagged: true });
    expect(t.note(n1).personaIds).toEqual([p, q].sort());
    t.run('tagNotes', { noteIds: [n2], personaId: p, tagged: false });
    expect(t.note(n2).personaIds).toEqual([]);
    t.run('removePersona', { personaId: p });
    expect(t.note(n1).personaIds).toEqual([q]);
    expect(t.board().notes).toHaveLength(2);
  });

  it('tags are one key per persona, so two people tagging one note at once both keep their tag', () => {
    const a = createTestBoard();
    const cell = { stageId: a.stage('Awareness').id, laneId: a.lane('Thoughts').id };
    const note = a.run('addNote', { ...cell, text: 'shared' });
    const p = a.run('addPersona', { name: 'Priya' });
    const q = a.run('addPersona', { name: 'Sam' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(a.doc));
    a.run('tagNotes', { noteIds: [note], personaId: p, tagged: true });
    executeCommand(other, { id: 'u2', name: 'B', department: 'sales' }, 'tagNotes', {
      noteIds: [note],
      personaId: q,
      tagged: true,
    });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(other));
    expect(readBoard(a.doc).notesById.get(note)!.personaIds).toEqual([p, q].sort());
    expect(readBoard(other).notesById.get(note)!.personaIds).toEqual([p, q].sort());
  });

  it('the emotion curve has one line per persona', () => {
    const t = createTestBoard();
    const cell = (s: string) => ({ stageId: t.stage(s).id, laneId: t.lane('Emotions').id });
    const p = t.run('addPersona', { name: 'Priya' });
    const q = t.run('addPersona', { name: 'Sam' });
    const e1 = t.run('addNote', { ...cell('Awareness'), sentiment: 2 });
    const e2 = t.run('addNote', { ...cell('Awareness'), sentiment: -2 });
    t.run('addNote', { ...cell('Decision'), sentiment: 0 }); // untagged: only in "everyone"
    t.run('tagNotes', { noteIds: [e1], personaId: p, tagged: true });
    t.run('tagNotes', { noteIds: [e2], personaId: q, tagged: true });
    const series = emotionCurve(t.board(), 'persona');
    expect(series.map((s) => s.label)).toEqual(['Priya', 'Sam']);
    expect(series[0]!.points[0]!.mean).toBe(2);
    expect(series[1]!.points[0]!.mean).toBe(-2);
    expect(series[0]!.points[2]).toBeNull();
  });

  it('the server’s record repair keeps a valid persona and repairs a malformed one', () => {
    const t = createTestBoard();
    const id = t.run('addPersona', { name: 'Priya' });
    const rec = t.doc.getMap('records').get(id) as Y.Map<unknown>;
    expect(recordRepair(id, rec)).toEqual({ kind: 'ok' });
    t.doc.transact(() => {
      rec.set('name', 42);
      rec.set('colour', 'javascript:alert(1)');
    });
    const repair = recordRepair(id, rec);
    expect(repair.kind).toBe('fix');
    if (repair.kind === 'fix')
      expect(repair.set).toMatchObject({ name: 'Unnamed persona', colour: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
  });
});

describe('templates with personas', () => {
  it('every filled template brings personas, and its tagged notes point at them', async () => {
    const { TEMPLATES, initializeBoard } = await import('../../index.ts');
    for (const template of TEMPLATES.filter((x) => x.id !== 'blank')) {
      const doc = new Y.Doc();
      initializeBoard(doc, { boardId: 'b', title: template.name, template });
      const board = readBoard(doc);
      expect(board.personas.map((p) => p.name)).toEqual(template.personas!.map((p) => p.name));
      const ids = new Set(board.personas.map((p) => p.id));
      const tagged = board.notes.filter((n) => n.personaIds.length > 0);
      expect(tagged.length).toBeGreaterThan(0);
      for (const n of tagged) for (const id of n.personaIds) expect(ids.has(id)).toBe(true);
      // Each persona has an emotion curve of its own.
      expect(emotionCurve(board, 'persona').length).toBe(board.personas.length);
    }
  });
});
