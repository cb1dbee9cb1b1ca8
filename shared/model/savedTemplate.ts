import { z } from 'zod';
import { CHANNEL_LIMITS, DEFAULT_CHANNELS, channelIconSchema, channelNameSchema } from '../schema/channel.ts';
import { PATH_LIMITS } from '../schema/path.ts';
import { pathConnectorIds, resolveMarkedPath } from './journeyPaths.ts';
import { CONNECTOR_KINDS, connectorLabelSchema, connectorShareSchema } from '../schema/connector.ts';
import { DEPARTMENTS } from '../schema/department.ts';
import { KPI_DIRECTIONS, KPI_LIMITS, KPI_TRENDS } from '../schema/kpi.ts';
import { LIMITS } from '../schema/limits.ts';
import { NOTE_KINDS, SENTIMENT_MAX, SENTIMENT_MIN } from '../schema/noteKind.ts';
import type { BoardTemplate, TemplateConnector, TemplateKpi, TemplateNote } from '../templates/index.ts';
import type { BoardSnapshot } from './snapshot.ts';

/** Saved-template ids: `saved-` and 12 base-36 characters; built-in ids never start so. */
export const SAVED_TEMPLATE_PREFIX = 'saved-';
export function isSavedTemplateId(id: string): boolean {
  return /^saved-[0-9a-z]{12}$/.test(id);
}

export const TEMPLATE_LIMITS = {
  nameLength: 80,
  descriptionLength: 240,
  maxNotes: 2000,
  maxStages: 100,
  maxLanes: 100,
  maxPersonas: 100,
  maxKpis: 1000,
  maxConnectors: 4000,
} as const;

/**
 * A board turned into a template: its stages (with descriptions), lanes, personas, the stages'
 * KPI definitions (metric, unit, direction, target; no measured values), the notes as examples
 * (text, kind, lane, colour, sentiment, department, persona tags) and the connectors between them.
 * Left out on purpose: who wrote the notes, votes and rounds, actions' owners, statuses and due
 * dates, comments, orphan notes and orphan connectors.
 */
export function templateFromBoard(
  board: BoardSnapshot,
  info: { id: string; name: string; description: string },
): BoardTemplate {
  const stageIndex = new Map(board.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(board.lanes.map((l, i) => [l.id, i]));
  const personaIndex = new Map(board.personas.map((p, i) => [p.id, i]));
  const channelIndex = new Map(board.channels.map((c, i) => [c.id, i]));
  const notes: TemplateNote[] = [];
  const noteIndex = new Map<string, number>();
  for (const n of board.notes) {
    const stage = stageIndex.get(n.position.stageId);
    const lane = laneIndex.get(n.position.laneId);
    if (stage === undefined || lane === undefined) continue; // orphans stay behind
    noteIndex.set(n.id, notes.length);
    const personas = n.personaIds.map((p) => personaIndex.get(p)).filter((i): i is number => i !== undefined);
    const channel = n.channelId ? channelIndex.get(n.channelId) : undefined;
    notes.push({
      stage,
      lane: n.kind,
      laneIndex: lane,
      text: n.text,
      department: n.department,
      ...(n.colour ? { colour: n.colour } : {}),
      ...(n.kind === 'emotion' ? { sentiment: n.sentiment ?? 0 } : {}),
      ...(personas.length ? { personas } : {}),
      ...(channel !== undefined ? { channel } : {}),
    });
  }
  const kpis: TemplateKpi[] = [];
  for (const k of board.kpis) {
    const stage = stageIndex.get(k.stageId);
    if (stage === undefined) continue;
    kpis.push({ stage, metric: k.metric, unit: k.unit, direction: k.direction, target: k.target });
  }
  const connectors: TemplateConnector[] = [];
  const connectorIndex = new Map<string, number>();
  for (const c of board.connectors) {
    const from = noteIndex.get(c.from);
    const to = noteIndex.get(c.to);
    if (from === undefined || to === undefined) continue; // an end is an orphan note
    connectorIndex.set(c.id, connectors.length);
    connectors.push({
      from,
      to,
      kind: c.kind,
      ...(c.label ? { label: c.label } : {}),
      ...(c.share !== null ? { share: c.share } : {}),
    });
  }
  // The part of the happy path that stands now (a cut path keeps its steps up to the cut).
  const happy = resolveMarkedPath(board, board.happyPath);
  const happyPath = happy ? pathConnectorIds(happy).map((id) => connectorIndex.get(id)) : [];
  const happyComplete = happyPath.length > 0 && happyPath.every((i) => i !== undefined);
  return {
    id: info.id,
    name: info.name,
    description: info.description,
    stages: board.stages.map((s) => s.name),
    stageDescriptions: board.stages.map((s) => s.description),
    lanes: board.lanes.map((l) => ({ name: l.name, kind: l.kind })),
    personas: board.personas.map(({ name, role, goals, needs, frustrations, quote, colour }) => ({
      name,
      role,
      goals,
      needs,
      frustrations,
      quote,
      colour,
    })),
    notes,
    kpis,
    connectors,
    ...(happyComplete ? { happyPath: happyPath as number[] } : {}),
    channels: board.channels.map(({ name, icon }) => ({ name, icon })),
  };
}

const name = z.string().trim().min(1).max(LIMITS.nameLength);
const colour = z.string().regex(/^#[0-9a-f]{6}$/i);
const number = z.number().finite().min(-KPI_LIMITS.maxAbsValue).max(KPI_LIMITS.maxAbsValue);

/**
 * What a stored template must be to start a board from it (the server reads it back from its
 * database: a row that does not match is skipped, never used). Indexes must point inside.
 */
export const boardTemplateSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1).max(TEMPLATE_LIMITS.nameLength),
    description: z.string().max(TEMPLATE_LIMITS.descriptionLength),
    stages: z.array(name).min(1).max(TEMPLATE_LIMITS.maxStages),
    stageDescriptions: z.array(z.string().max(LIMITS.descriptionLength)).optional(),
    lanes: z
      .array(z.object({ name, kind: z.enum(NOTE_KINDS) }))
      .min(1)
      .max(TEMPLATE_LIMITS.maxLanes),
    personas: z
      .array(
        z.object({
          name,
          role: z.string().max(LIMITS.personaRoleLength),
          goals: z.string().max(LIMITS.personaTextLength),
          needs: z.string().max(LIMITS.personaTextLength),
          frustrations: z.string().max(LIMITS.personaTextLength),
          quote: z.string().max(LIMITS.personaQuoteLength),
          colour: colour.optional(),
        }),
      )
      .max(TEMPLATE_LIMITS.maxPersonas)
      .optional(),
    notes: z
      .array(
        z.object({
          stage: z.number().int().min(0),
          lane: z.enum(NOTE_KINDS),
          laneIndex: z.number().int().min(0).optional(),
          text: z.string().max(LIMITS.noteTextLength),
          department: z.enum(DEPARTMENTS),
          colour: colour.nullable().optional(),
          sentiment: z.number().int().min(SENTIMENT_MIN).max(SENTIMENT_MAX).optional(),
          personas: z.array(z.number().int().min(0)).optional(),
          channel: z.number().int().min(0).optional(),
        }),
      )
      .max(TEMPLATE_LIMITS.maxNotes),
    kpis: z
      .array(
        z.object({
          stage: z.number().int().min(0),
          metric: z.string().trim().min(1).max(KPI_LIMITS.metricLength),
          unit: z.string().max(KPI_LIMITS.unitLength).optional(),
          direction: z.enum(KPI_DIRECTIONS).optional(),
          target: number.nullable().optional(),
          value: number.nullable().optional(),
          previous: number.nullable().optional(),
          trend: z.enum(KPI_TRENDS).nullable().optional(),
        }),
      )
      .max(TEMPLATE_LIMITS.maxKpis)
      .optional(),
    connectors: z
      .array(
        z.object({
          from: z.number().int().min(0),
          to: z.number().int().min(0),
          kind: z.enum(CONNECTOR_KINDS),
          label: connectorLabelSchema.optional(),
          share: connectorShareSchema.optional(),
        }),
      )
      .max(TEMPLATE_LIMITS.maxConnectors)
      .optional(),
    happyPath: z.array(z.number().int().min(0)).min(1).max(PATH_LIMITS.maxSteps).optional(),
    channels: z
      .array(z.object({ name: channelNameSchema, icon: channelIconSchema }))
      .max(CHANNEL_LIMITS.perBoard)
      .optional(),
  })
  .superRefine((t, ctx) => {
    const personas = t.personas?.length ?? 0;
    const channels = t.channels?.length ?? DEFAULT_CHANNELS.length;
    t.notes.forEach((n, i) => {
      if (n.stage >= t.stages.length)
        ctx.addIssue({ code: 'custom', path: ['notes', i, 'stage'], message: 'no such stage' });
      if (n.laneIndex !== undefined ? n.laneIndex >= t.lanes.length : !t.lanes.some((l) => l.kind === n.lane))
        ctx.addIssue({ code: 'custom', path: ['notes', i, 'lane'], message: 'no such lane' });
      if (n.personas?.some((p) => p >= personas))
        ctx.addIssue({ code: 'custom', path: ['notes', i, 'personas'], message: 'no such persona' });
      if (n.channel !== undefined && n.channel >= channels)
        ctx.addIssue({ code: 'custom', path: ['notes', i, 'channel'], message: 'no such channel' });
    });
    const steps = (t.happyPath ?? []).map((i) => t.connectors?.[i]);
    steps.forEach((c, i) => {
      const before = steps[i - 1];
      if (!c || (before && before.to !== c.from))
        ctx.addIssue({
          code: 'custom',
          path: ['happyPath', i],
          message: 'not a connector that follows the step before',
        });
    });
    t.connectors?.forEach((c, i) => {
      if (c.from >= t.notes.length || c.to >= t.notes.length || c.from === c.to)
        ctx.addIssue({ code: 'custom', path: ['connectors', i], message: 'needs two different notes' });
    });
    t.kpis?.forEach((k, i) => {
      if (k.stage >= t.stages.length)
        ctx.addIssue({ code: 'custom', path: ['kpis', i, 'stage'], message: 'no such stage' });
    });
  });
