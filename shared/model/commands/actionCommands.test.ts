import { describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN } from '../../doc/origins.ts';
import { recordRepair, type CommandInput } from '../../index.ts';
import { CommandError } from '../errors.ts';
import { executeDef, linkActionIssue } from './index.ts';
import { createTestBoard, joinTestBoard } from '../../testing/board.ts';

describe('pain point to action', () => {
  it('turns notes into actions with owner, status and due date, updates them, and turns them back', () => {
    const t = createTestBoard();
    const cell = { stageId: t.stage('Decision').id, laneId: t.lane('Pain points').id };
    const n = t.run('addNote', { ...cell, text: 'Hidden fees' });
    expect(t.note(n).action).toBeNull();
    t.run('setNoteAction', { noteIds: [n], owner: 'Priya', due: '2026-12-15' });
    expect(t.note(n).action).toMatchObject({ owner: 'Priya', status: 'open', due: '2026-12-15', issueUrl: null });
    t.run('setNoteAction', { noteIds: [n], status: 'in-progress' });
    expect(t.note(n).action).toMatchObject({
      owner: 'Priya',
      status: 'in-progress',
      due: '2026-12-15',
      issueUrl: null,
    });
    t.run('setNoteAction', { noteIds: [n], status: null });
    expect(t.note(n).action).toBeNull();
    expect((t.doc.getMap('records').get(n) as Y.Map<unknown>).has('actionOwner')).toBe(false);
  });

  it('owner and status are separate keys: two people changing one each both keep their change', () => {
    const a = createTestBoard();
    const cell = { stageId: a.stage('Decision').id, laneId: a.lane('Opportunities').id };
    const n = a.run('addNote', { ...cell, text: 'Show fees early' });
    a.run('setNoteAction', { noteIds: [n], owner: 'Sam' });
    const b = joinTestBoard(a, { id: 'u2', name: 'Bob', department: 'support' });
    a.run('setNoteAction', { noteIds: [n], owner: 'Priya' });
    b.run('setNoteAction', { noteIds: [n], status: 'done' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.note(n).action).toMatchObject({ owner: 'Priya', status: 'done', due: null, issueUrl: null });
    expect(b.note(n).action).toEqual(a.note(n).action);
  });

  it('the server repairs a malformed action (bad status, non-date due) and keeps a good one', () => {
    const t = createTestBoard();
    const cell = { stageId: t.stage('Decision').id, laneId: t.lane('Pain points').id };
    const n = t.run('addNote', { ...cell, text: 'x' });
    t.run('setNoteAction', { noteIds: [n], owner: 'Priya', status: 'open', due: '2026-12-15' });
    const rec = t.doc.getMap('records').get(n) as Y.Map<unknown>;
    expect(recordRepair(n, rec)).toEqual({ kind: 'ok' });
    rec.set('actionStatus', 'whenever');
    rec.set('actionDue', 'soon');
    const repair = recordRepair(n, rec);
    expect(repair.kind).toBe('fix');
    if (repair.kind === 'fix') expect(repair.set).toMatchObject({ actionStatus: 'open', actionDue: null });
    // An issue link is shown as an anchor: anything but an http(s) URL is removed, and never read.
    rec.set('actionStatus', 'open');
    rec.set('actionDue', null);
    rec.set('actionIssueUrl', 'javascript:alert(1)');
    expect(t.note(n).action?.issueUrl).toBeNull();
    expect(recordRepair(n, rec)).toMatchObject({ kind: 'fix', remove: ['actionIssueUrl'] });
    rec.set('actionIssueUrl', 'https://acme.atlassian.net/browse/JB-3');
    expect(recordRepair(n, rec)).toEqual({ kind: 'ok' });
  });

  it('the server links an action to its tracker issue; turning it back into a note drops the link', () => {
    const t = createTestBoard();
    const cell = { stageId: t.stage('Decision').id, laneId: t.lane('Pain points').id };
    const n = t.run('addNote', { ...cell, text: 'Hidden fees' });
    const link = (url: string) => executeDef(t.doc, SERVER, linkActionIssue, { noteId: n, url }, ORIGIN.server);
    expect(() => link('https://github.com/acme/shop/issues/7')).toThrow(/not an action/);
    t.run('setNoteAction', { noteIds: [n], owner: 'Priya' });
    expect(() => link('javascript:alert(1)')).toThrow(CommandError);
    link('https://github.com/acme/shop/issues/7');
    expect(t.note(n).action?.issueUrl).toBe('https://github.com/acme/shop/issues/7');
    t.run('setNoteAction', { noteIds: [n], status: null });
    expect((t.doc.getMap('records').get(n) as Y.Map<unknown>).has('actionIssueUrl')).toBe(false);
  });

  it('dates each status change: opened, started and done, and going back forgets the later times', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const t = createTestBoard();
    const cell = { stageId: t.stage('Decision').id, laneId: t.lane('Pain points').id };
    const n = t.run('addNote', { ...cell, text: 'Show fees early' });
    const at = (time: number, input: Omit<CommandInput<'setNoteAction'>, 'noteIds'>) => {
      vi.setSystemTime(time);
      t.run('setNoteAction', { noteIds: [n], ...input });
    };
    at(1_000, { owner: 'Priya' });
    expect(t.note(n).action).toMatchObject({ status: 'open', openedAt: 1_000, startedAt: null, doneAt: null });
    at(2_000, { status: 'in-progress' });
    at(2_500, { owner: 'Sam' });
    at(3_000, { status: 'done' });
    expect(t.note(n).action).toMatchObject({ openedAt: 1_000, startedAt: 2_000, doneAt: 3_000 });
    at(3_500, { status: 'done' });
    expect(t.note(n).action?.doneAt).toBe(3_000);
    at(4_000, { status: 'in-progress' });
    expect(t.note(n).action).toMatchObject({ openedAt: 1_000, startedAt: 4_000, doneAt: null });
    expect((t.doc.getMap('records').get(n) as Y.Map<unknown>).has('actionDoneAt')).toBe(false);
    at(5_000, { status: 'open' });
    expect(t.note(n).action).toMatchObject({ openedAt: 1_000, startedAt: null, doneAt: null });
    at(6_000, { status: null });
    const rec = t.doc.getMap('records').get(n) as Y.Map<unknown>;
    expect([...rec.keys()].filter((k) => k.startsWith('action'))).toEqual([]);
  });

  it('a done time left behind by an older client that reopened the action is not read', () => {
    const t = createTestBoard();
    const cell = { stageId: t.stage('Decision').id, laneId: t.lane('Pain points').id };
    const n = t.run('addNote', { ...cell, text: 'x' });
    t.run('setNoteAction', { noteIds: [n], status: 'done' });
    const rec = t.doc.getMap('records').get(n) as Y.Map<unknown>;
    rec.set('actionStatus', 'open');
    expect(t.note(n).action).toMatchObject({ status: 'open', startedAt: null, doneAt: null });
    rec.set('actionDoneAt', 'yesterday');
    const repair = recordRepair(n, rec);
    expect(repair.kind).toBe('fix');
    if (repair.kind === 'fix') expect(repair.remove).toContain('actionDoneAt');
  });
});

const SERVER = { id: 'server', name: 'Journeyboard', department: 'other' } as const;
