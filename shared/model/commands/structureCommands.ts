import { z } from 'zod';
import { metaMap, newRecordMap, recordsMap } from '../../doc/boardDoc.ts';
import { newId, type LaneId, type NoteId, type StageId } from '../../schema/ids.ts';
import { laneIdSchema, laneNameSchema } from '../../schema/lane.ts';
import { LIMITS } from '../../schema/limits.ts';
import { noteKindSchema } from '../../schema/noteKind.ts';
import { stageIdSchema, stageNameSchema } from '../../schema/stage.ts';
import { CommandError } from '../errors.ts';
import { indexAfterLast, indexAt } from '../ordering.ts';
import { cellKey } from '../snapshot.ts';
import { requireRecord, type CommandContext } from './context.ts';
import { command } from './define.ts';
import { removeNotes } from './removeNotes.ts';

const positionSchema = z.number().int().min(0).optional();

/** What to do with the notes of a removed stage or lane; required when it holds any. */
const removalSchema = <T extends z.ZodType>(idSchema: T) =>
  z.union([z.object({ notes: z.literal('delete') }), z.object({ notes: z.literal('move'), to: idSchema })]).optional();

export const renameBoard = command(
  z.object({ title: z.string().trim().min(1, 'A board needs a title').max(LIMITS.titleLength) }),
  (ctx, { title }) => void metaMap(ctx.doc).set('title', title),
);

export const addStage = command(
  z.object({ name: stageNameSchema, position: positionSchema }),
  (ctx, { name, position }) => {
    const stages = ctx.board().stages;
    const id = newId('stage');
    const index = position === undefined ? indexAfterLast(stages) : indexAt(stages, position);
    recordsMap(ctx.doc).set(id, newRecordMap({ name, index, description: '' }));
    return id;
  },
);

export const renameStage = command(
  z.object({ stageId: stageIdSchema, name: stageNameSchema }),
  (ctx, { stageId, name }) => {
    requireRecord(ctx, stageId, 'stage').set('name', name);
  },
);

export const describeStage = command(
  z.object({ stageId: stageIdSchema, description: z.string().max(LIMITS.descriptionLength) }),
  (ctx, { stageId, description }) => void requireRecord(ctx, stageId, 'stage').set('description', description),
);

export const moveStage = command(
  z.object({ stageId: stageIdSchema, position: z.number().int().min(0) }),
  (ctx, { stageId, position }) => {
    const rec = requireRecord(ctx, stageId, 'stage');
    rec.set('index', indexAt(ctx.board().stages, position, stageId));
  },
);

export const removeStage = command(
  z.object({ stageId: stageIdSchema, decision: removalSchema(stageIdSchema) }),
  (ctx, { stageId, decision }) => {
    requireRecord(ctx, stageId, 'stage');
    const board = ctx.board();
    if (board.stages.length <= 1) throw new CommandError('invalid-input', 'A journey needs at least one stage.');
    const notes = board.notes.filter((n) => n.position.stageId === stageId);
    relocateOrDelete(
      ctx,
      notes,
      decision,
      (note, to) => ({ ...note.position, stageId: to as StageId }),
      'stage',
      stageId,
    );
    // A stage's metrics go with it (undo brings both back).
    for (const k of board.kpisByStage.get(stageId) ?? []) recordsMap(ctx.doc).delete(k.id);
    recordsMap(ctx.doc).delete(stageId);
  },
);

export const addLane = command(
  z.object({ name: laneNameSchema, kind: noteKindSchema, position: positionSchema }),
  (ctx, { name, kind, position }) => {
    const lanes = ctx.board().lanes;
    const id = newId('lane');
    const index = position === undefined ? indexAfterLast(lanes) : indexAt(lanes, position);
    recordsMap(ctx.doc).set(id, newRecordMap({ name, kind, index }));
    return id;
  },
);

export const renameLane = command(z.object({ laneId: laneIdSchema, name: laneNameSchema }), (ctx, { laneId, name }) => {
  requireRecord(ctx, laneId, 'lane').set('name', name);
});

export const setLaneKind = command(
  z.object({ laneId: laneIdSchema, kind: noteKindSchema }),
  (ctx, { laneId, kind }) => {
    requireRecord(ctx, laneId, 'lane').set('kind', kind);
  },
);

export const moveLane = command(
  z.object({ laneId: laneIdSchema, position: z.number().int().min(0) }),
  (ctx, { laneId, position }) => {
    requireRecord(ctx, laneId, 'lane').set('index', indexAt(ctx.board().lanes, position, laneId));
  },
);

export const removeLane = command(
  z.object({ laneId: laneIdSchema, decision: removalSchema(laneIdSchema) }),
  (ctx, { laneId, decision }) => {
    requireRecord(ctx, laneId, 'lane');
    const board = ctx.board();
    if (board.lanes.length <= 1) throw new CommandError('invalid-input', 'A journey needs at least one lane.');
    const notes = board.notes.filter((n) => n.position.laneId === laneId);
    relocateOrDelete(ctx, notes, decision, (note, to) => ({ ...note.position, laneId: to as LaneId }), 'lane', laneId);
    recordsMap(ctx.doc).delete(laneId);
  },
);

type Decision = { notes: 'delete' } | { notes: 'move'; to: string } | undefined;

function relocateOrDelete<N extends { id: string; position: { stageId: StageId; laneId: LaneId; index: string } }>(
  ctx: CommandContext,
  notes: readonly N[],
  decision: Decision,
  moved: (note: N, to: string) => N['position'],
  what: 'stage' | 'lane',
  removing: string,
): void {
  if (notes.length === 0) return;
  if (!decision)
    throw new CommandError('needs-decision', `This ${what} holds ${notes.length} note(s): move them or delete them.`);
  const records = recordsMap(ctx.doc);
  if (decision.notes === 'delete') {
    removeNotes(
      ctx,
      notes.map((n) => n.id as NoteId),
    );
    return;
  }
  if (decision.to === removing) throw new CommandError('invalid-input', `Move the notes to another ${what}.`);
  requireRecord(ctx, decision.to as StageId | LaneId, what);
  // Append each moved note after the notes already in its target cell, keeping their order.
  const lastIndexInCell = new Map<string, string>();
  for (const n of notes) {
    const next = moved(n, decision.to);
    const key = cellKey(next.stageId, next.laneId);
    const existing = ctx.board().cells.get(key) ?? [];
    const prev = lastIndexInCell.get(key);
    const index = prev ? indexAfterLast([{ index: prev }]) : indexAfterLast(existing.map((e) => e.position));
    lastIndexInCell.set(key, index);
    const rec = records.get(n.id);
    rec?.set('position', { ...next, index });
    rec?.set('updatedAt', ctx.now);
  }
}
