import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawFields, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { SCHEMA_VERSION } from '../migrations/migrate.ts';
import { initializeBoard } from '../model/createBoard.ts';
import { boardTemplateSchema } from '../model/savedTemplate.ts';
import { readBoard } from '../model/snapshot.ts';
import { DEFAULT_CHANNELS, defaultChannelId } from '../schema/channel.ts';
import { DEPARTMENTS } from '../schema/department.ts';
import { NOTE_KINDS, SENTIMENT_MAX, SENTIMENT_MIN } from '../schema/noteKind.ts';
import { LIMITS } from '../schema/limits.ts';
import { recordTypeOf } from '../schema/ids.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';
import { DEFAULT_TEMPLATE_ID, findTemplate, TEMPLATES, type BoardTemplate } from './index.ts';

function init(template: BoardTemplate) {
  const doc = new Y.Doc();
  const origins: unknown[] = [];
  doc.on('afterTransaction', (tr) => origins.push(tr.origin));
  initializeBoard(doc, { boardId: 'b-1', title: template.name, template, now: 1700000000000 });
  return { doc, origins, board: readBoard(doc) };
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('is data a saved template could be: its file meets boardTemplateSchema', () => {
    const parsed = boardTemplateSchema.safeParse(template);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('initializes into a valid board in one server transaction', () => {
    const { board, origins } = init(template);
    expect(origins).toEqual([ORIGIN.server]);
    expect(board.meta).toEqual({
      schemaVersion: SCHEMA_VERSION,
      boardId: 'b-1',
      title: template.name,
      createdAt: 1700000000000,
    });
    expect(board.stages.map((s) => s.name)).toEqual(template.stages);
    expect(board.lanes.map((l) => [l.name, l.kind])).toEqual(template.lanes.map((l) => [l.name, l.kind]));
    expect(board.notes).toHaveLength(template.notes.length);
    expect(board.orphanNotes).toEqual([]);
  });

  it('every note points at an existing stage and a lane of its own kind', () => {
    const { board } = init(template);
    const lanes = new Map(board.lanes.map((l) => [l.id, l]));
    const stages = new Set(board.stages.map((s) => s.id));
    for (const n of board.notes) {
      expect(stages.has(n.position.stageId)).toBe(true);
      expect(lanes.get(n.position.laneId)?.kind).toBe(n.kind);
      expect(n.sentiment === null).toBe(n.kind !== 'emotion');
      expect(n).toMatchObject({ authorId: 'template', createdAt: 1700000000000, colour: null });
    }
  });

  it('keeps the template’s note order within each cell and stage', () => {
    const { board } = init(template);
    template.notes.forEach((tn) => {
      const stageId = board.stages[tn.stage]!.id;
      const laneId = board.lanes.find((l) => l.kind === tn.lane)!.id;
      const cell = board.cells.get(`${stageId}|${laneId}`)!.map((n) => n.text);
      const expected = template.notes.filter((o) => o.stage === tn.stage && o.lane === tn.lane).map((o) => o.text);
      expect(cell).toEqual(expected);
    });
  });

  it('passes the write-side limits a command would check', () => {
    expect(template.stages.length).toBeGreaterThan(0);
    expect(template.lanes.length).toBeGreaterThan(0);
    for (const s of template.stages) expect(s.length).toBeLessThanOrEqual(LIMITS.nameLength);
    for (const l of template.lanes) expect(NOTE_KINDS).toContain(l.kind);
    for (const n of template.notes) {
      expect(n.stage).toBeGreaterThanOrEqual(0);
      expect(n.stage).toBeLessThan(template.stages.length);
      expect(template.lanes.map((l) => l.kind)).toContain(n.lane);
      expect(DEPARTMENTS).toContain(n.department);
      expect(n.text.length).toBeLessThanOrEqual(LIMITS.noteTextLength);
      if (n.lane === 'emotion') {
        expect(Number.isInteger(n.sentiment)).toBe(true);
        expect(n.sentiment).toBeGreaterThanOrEqual(SENTIMENT_MIN);
        expect(n.sentiment).toBeLessThanOrEqual(SENTIMENT_MAX);
      } else expect(n.sentiment).toBeUndefined();
    }
  });

  it('writes records of known types in the schema-6 layout (no typeName, id, null colour or sentiment)', () => {
    const { doc } = init(template);
    recordsMap(doc).forEach((rec, key) => {
      expect(recordTypeOf(key), key).toBeDefined();
      expect(fieldsToDrop(key, rawFields(rec)), key).toEqual([]);
    });
  });
});

describe('template catalogue', () => {
  it('blank has the five classic stages and the six standard lanes', () => {
    const blank = findTemplate('blank')!;
    const { board } = init(blank);
    expect(board.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Decision',
      'Retention',
      'Advocacy',
    ]);
    expect(board.lanes.map((l) => l.name)).toEqual([
      'Touchpoints',
      'Customer actions',
      'Thoughts',
      'Emotions',
      'Pain points',
      'Opportunities',
    ]);
    expect(board.lanes.map((l) => l.kind)).toEqual(['touchpoint', 'action', 'thought', 'emotion', 'pain', 'idea']);
    expect(board.notes).toEqual([]);
  });

  it('ids are unique, the default exists, and an unknown id finds nothing', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findTemplate(DEFAULT_TEMPLATE_ID)?.id).toBe('blank');
    expect(findTemplate('nope')).toBeUndefined();
  });

  it('two boards from one template share no record ids but the default channels’', () => {
    const a = init(findTemplate('ecommerce')!).doc;
    const b = init(findTemplate('ecommerce')!).doc;
    const keysA = new Set(recordsMap(a).keys());
    const shared = [...recordsMap(b).keys()].filter((k) => keysA.has(k));
    // Fixed on purpose (shared/schema/channel.ts): the same channel on every board.
    expect(shared.sort()).toEqual(DEFAULT_CHANNELS.map((c) => defaultChannelId(c.key)).sort());
  });
});

describe('built-in templates are worth starting from', () => {
  const filled = TEMPLATES.filter((t) => t.id !== 'blank');

  it('each filled template has personas, a few example notes of several kinds, and stage KPIs', () => {
    expect(filled.length).toBeGreaterThanOrEqual(4);
    for (const t of filled) {
      expect(t.personas?.length, t.id).toBeGreaterThanOrEqual(1);
      expect(t.notes.length, t.id).toBeGreaterThanOrEqual(5);
      expect(new Set(t.notes.map((n) => n.lane)).size, t.id).toBeGreaterThanOrEqual(4);
      expect(t.kpis?.length, t.id).toBeGreaterThanOrEqual(3);
      for (const p of t.personas ?? [])
        expect(p.goals && p.needs && p.frustrations && p.quote, `${t.id} ${p.name}`).toBeTruthy();
    }
  });

  it('KPIs initialize on their stages, one per stage and metric, with values and targets', () => {
    for (const t of filled) {
      const { board } = init(t);
      expect(board.kpis).toHaveLength(t.kpis!.length);
      for (const k of t.kpis!) {
        const made = board.kpisByStage.get(board.stages[k.stage]!.id)?.find((x) => x.metric === k.metric);
        expect(made, `${t.id} ${k.metric}`).toMatchObject({ value: k.value, target: k.target });
      }
      // Both directions appear, so a template shows "lower is better" too.
      expect(new Set(board.kpis.map((k) => k.direction))).toEqual(new Set(['higher', 'lower']));
    }
  });

  it('each filled template puts its touchpoints on channels, so the channel view has something to show', () => {
    for (const t of filled) {
      const board = readBoard(init(t).doc);
      const touchpoints = board.notes.filter((n) => n.kind === 'touchpoint');
      expect(touchpoints.length, t.id).toBeGreaterThan(0);
      for (const n of touchpoints)
        expect(
          board.channels.some((c) => c.id === n.channelId),
          `${t.id}: ${n.text}`,
        ).toBe(true);
    }
  });

  it('blank stays blank: no notes, personas or KPIs to delete before a workshop', () => {
    const { board } = init(findTemplate('blank')!);
    expect([board.notes.length, board.personas.length, board.kpis.length]).toEqual([0, 0, 0]);
  });
});
