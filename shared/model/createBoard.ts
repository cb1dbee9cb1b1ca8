import type * as Y from 'yjs';
import { metaMap, newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { SCHEMA_VERSION } from '../migrations/migrate.ts';
import { defaultChannelRecords } from '../schema/channel.ts';
import { HAPPY_PATH_ID } from '../schema/path.ts';
import {
  newId,
  type ConnectorId,
  type ChannelId,
  type LaneId,
  type NoteId,
  type PersonaId,
  type StageId,
} from '../schema/ids.ts';
import { KPI_DEFAULTS, kpiIdFor, kpiPreset } from '../schema/kpi.ts';
import { PERSONA_COLOURS, personaTagKey } from '../schema/persona.ts';
import { noteStyleFields } from '../schema/recordLayout.ts';
import type { BoardTemplate } from '../templates/index.ts';
import { initialIndexes } from './ordering.ts';

export interface CreateBoardInput {
  readonly boardId: string;
  readonly title: string;
  readonly template: BoardTemplate;
  readonly now?: number;
}

const TEMPLATE_AUTHOR = { authorId: 'template', authorName: 'Journeyboard example' };

/** Writes a new board from a template into an empty document, in one server transaction. */
export function initializeBoard(doc: Y.Doc, input: CreateBoardInput): void {
  const now = input.now ?? Date.now();
  const { template } = input;
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('boardId', input.boardId);
    meta.set('title', input.title);
    meta.set('createdAt', now);
    const records = recordsMap(doc);

    const stageIds: StageId[] = [];
    initialIndexes(template.stages.length).forEach((index, i) => {
      const id = newId('stage');
      stageIds.push(id);
      records.set(
        id,
        newRecordMap({ name: template.stages[i], index, description: template.stageDescriptions?.[i] ?? '' }),
      );
    });

    const laneByKind = new Map<string, LaneId>();
    const laneIds: LaneId[] = [];
    initialIndexes(template.lanes.length).forEach((index, i) => {
      const lane = template.lanes[i]!;
      const id = newId('lane');
      laneIds.push(id);
      if (!laneByKind.has(lane.kind)) laneByKind.set(lane.kind, id);
      records.set(id, newRecordMap({ name: lane.name, kind: lane.kind, index }));
    });

    const personaIds: PersonaId[] = [];
    const personas = template.personas ?? [];
    initialIndexes(personas.length).forEach((index, i) => {
      const id = newId('persona');
      personaIds.push(id);
      records.set(
        id,
        newRecordMap({
          ...personas[i],
          colour: personas[i]!.colour ?? PERSONA_COLOURS[i % PERSONA_COLOURS.length],
          index,
        }),
      );
    });

    const channelIds: ChannelId[] = [];
    const channels = template.channels
      ? initialIndexes(template.channels.length).map((index, i) => {
          const { name, icon } = template.channels![i]!;
          return [newId('channel'), { name, icon, index }] as const;
        })
      : defaultChannelRecords();
    for (const [id, fields] of channels) {
      channelIds.push(id);
      records.set(id, newRecordMap(fields));
    }

    const perCell = new Map<string, number>();
    const laneOf = (n: BoardTemplate['notes'][number]) =>
      n.laneIndex !== undefined ? laneIds[n.laneIndex] : laneByKind.get(n.lane);
    const cellKeys = template.notes.map((n) => `${n.stage}/${laneOf(n)}`);
    for (const key of cellKeys) perCell.set(key, (perCell.get(key) ?? 0) + 1);
    const cellIndexes = new Map([...perCell].map(([key, count]) => [key, initialIndexes(count)]));
    const noteIds: NoteId[] = [];

    template.notes.forEach((n, i) => {
      const stageId = stageIds[n.stage];
      const laneId = laneOf(n);
      if (!stageId || !laneId) throw new Error(`Template ${template.id}: note ${i} points at a missing stage or lane`);
      const index = cellIndexes.get(cellKeys[i]!)!.shift()!;
      const id = newId('note');
      noteIds.push(id);
      records.set(
        id,
        newRecordMap({
          position: { stageId, laneId, index },
          kind: n.lane,
          text: n.text,
          ...noteStyleFields(n.colour ?? null, n.sentiment ?? null),
          department: n.department,
          ...TEMPLATE_AUTHOR,
          createdAt: now,
          updatedAt: now,
          ...Object.fromEntries((n.personas ?? []).map((p) => [personaTagKey(personaIds[p]!), true])),
          ...(n.channel !== undefined && channelIds[n.channel] ? { channel: channelIds[n.channel] } : {}),
        }),
      );
    });

    for (const k of template.kpis ?? []) {
      const stageId = stageIds[k.stage];
      if (!stageId) throw new Error(`Template ${template.id}: KPI ${k.metric} points at a missing stage`);
      const preset = kpiPreset(k.metric);
      const id = kpiIdFor(stageId, k.metric);
      records.set(
        id,
        newRecordMap({
          stageId,
          metric: k.metric,
          value: k.value ?? KPI_DEFAULTS.value,
          target: k.target ?? KPI_DEFAULTS.target,
          previous: k.previous ?? KPI_DEFAULTS.previous,
          unit: k.unit ?? preset?.unit ?? KPI_DEFAULTS.unit,
          direction: k.direction ?? preset?.direction ?? KPI_DEFAULTS.direction,
          trend: k.trend ?? KPI_DEFAULTS.trend,
        }),
      );
    }

    const connectorIds: ConnectorId[] = [];
    for (const c of template.connectors ?? []) {
      const from = noteIds[c.from];
      const to = noteIds[c.to];
      if (!from || !to || from === to) throw new Error(`Template ${template.id}: a connector needs two of its notes`);
      const id = newId('connector');
      connectorIds.push(id);
      records.set(
        id,
        newRecordMap({
          from,
          to,
          kind: c.kind,
          ...(c.label ? { label: c.label } : {}),
          ...(c.share !== undefined ? { share: c.share } : {}),
        }),
      );
    }
    const happy = (template.happyPath ?? []).map((i) => connectorIds[i]);
    if (happy.some((id) => id === undefined))
      throw new Error(`Template ${template.id}: a happy path step is no connector`);
    if (happy.length > 0) records.set(HAPPY_PATH_ID, newRecordMap({ connectors: happy }));
  }, ORIGIN.server);
}
