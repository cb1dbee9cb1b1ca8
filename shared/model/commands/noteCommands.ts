import { z } from 'zod';
import * as Y from 'yjs';
import { newRecordMap, recordsMap } from '../../doc/boardDoc.ts';
import {
  ACTION_TIME_KEYS,
  actionDueSchema,
  actionOwnerSchema,
  actionStatusSchema,
  type ActionStatus,
} from '../../schema/action.ts';
import { departmentSchema } from '../../schema/department.ts';
import { newId, type LaneId, type NoteId, type StageId } from '../../schema/ids.ts';
import { laneIdSchema } from '../../schema/lane.ts';
import { colourSchema, noteIdSchema, noteTextSchema, type Note } from '../../schema/note.ts';
import { noteKindSchema, sentimentSchema, type NoteKind } from '../../schema/noteKind.ts';
import { noteStyleFields, setNoteField } from '../../schema/recordLayout.ts';
import { stageIdSchema } from '../../schema/stage.ts';
import { CommandError } from '../errors.ts';
import { indexAfterLast, indexAt, keyBetween } from '../ordering.ts';
import { cellKey } from '../snapshot.ts';
import { applyTextDiff } from '../textDiff.ts';
import { requireRecord, type CommandContext } from './context.ts';
import { command } from './define.ts';
import { removeNotes } from './removeNotes.ts';

const noteIdsSchema = z.array(noteIdSchema).min(1, 'Select at least one note').max(5000);

const cellSchema = z.object({ stageId: stageIdSchema, laneId: laneIdSchema });

function notesInCell(ctx: CommandContext, stageId: StageId, laneId: LaneId) {
  return (ctx.board().cells.get(cellKey(stageId, laneId)) ?? []).map((n) => ({ id: n.id, index: n.position.index }));
}

function requireCell(ctx: CommandContext, stageId: StageId, laneId: LaneId): void {
  requireRecord(ctx, stageId, 'stage');
  requireRecord(ctx, laneId, 'lane');
}

function laneKind(ctx: CommandContext, laneId: LaneId): NoteKind {
  return ctx.board().lanes.find((l) => l.id === laneId)?.kind ?? 'touchpoint';
}

const noteFieldsSchema = z.object({
  kind: noteKindSchema.optional(),
  text: noteTextSchema.optional(),
  colour: colourSchema.nullable().optional(),
  sentiment: sentimentSchema.nullable().optional(),
  department: departmentSchema.optional(),
});

interface NewNote {
  stageId: StageId;
  laneId: LaneId;
  index: string;
  kind: NoteKind;
  text: string;
  colour: string | null;
  sentiment: number | null;
  department: Note['department'];
}

/**
 * Names every field it writes: callers pass wider objects (duplicate passes a whole Note), and a
 * spread would copy the source's `id` and `position` over the new ones.
 */
function writeNewNote(ctx: CommandContext, n: NewNote, id: NoteId = newId('note')): NoteId {
  recordsMap(ctx.doc).set(
    id,
    newRecordMap({
      position: { stageId: n.stageId, laneId: n.laneId, index: n.index },
      kind: n.kind,
      text: n.text,
      ...noteStyleFields(n.colour, n.sentiment),
      department: n.department,
      authorId: ctx.actor.id,
      authorName: ctx.actor.name,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
  );
  return id;
}

/**
 * Adds a note to a cell; its kind defaults to the lane's kind, its department to the author's.
 * `id` (optional) is for the server's private-writing reveal, which names each note before it
 * writes it so that an interrupted reveal, retried, never writes a draft twice.
 */
export const addNote = command(
  cellSchema
    .extend(noteFieldsSchema.shape)
    .extend({ position: z.number().int().min(0).optional(), id: noteIdSchema.optional() }),
  (ctx, input) => {
    requireCell(ctx, input.stageId, input.laneId);
    if (input.id !== undefined && recordsMap(ctx.doc).has(input.id))
      throw new CommandError('invalid-input', 'A note with that id exists already.');
    const existing = notesInCell(ctx, input.stageId, input.laneId);
    const kind = input.kind ?? laneKind(ctx, input.laneId);
    return writeNewNote(
      ctx,
      {
        stageId: input.stageId,
        laneId: input.laneId,
        index: input.position === undefined ? indexAfterLast(existing) : indexAt(existing, input.position),
        kind,
        text: input.text ?? '',
        colour: input.colour ?? null,
        sentiment: input.sentiment ?? (kind === 'emotion' ? 0 : null),
        department: input.department ?? ctx.actor.department,
      },
      input.id,
    );
  },
  'open-step',
);

/** Typing: diffs into the note's Y.Text so concurrent typists both keep their characters. */
export const editNoteText = command(
  z.object({ noteId: noteIdSchema, text: noteTextSchema }),
  (ctx, { noteId, text }) => {
    const rec = requireRecord(ctx, noteId, 'note');
    let ytext = rec.get('text');
    if (!(ytext instanceof Y.Text)) {
      ytext = new Y.Text();
      rec.set('text', ytext);
    }
    applyTextDiff(ytext as Y.Text, text);
    rec.set('updatedAt', ctx.now);
  },
  'merge',
);

/** Moves notes, in their current order, into one cell at `position` (default: the end). */
export const moveNotes = command(
  cellSchema.extend({ noteIds: noteIdsSchema, position: z.number().int().min(0).optional() }),
  (ctx, { noteIds, stageId, laneId, position }) => {
    requireCell(ctx, stageId, laneId);
    const records = noteIds.map((id) => requireRecord(ctx, id, 'note'));
    const moving = new Set<string>(noteIds);
    const others = notesInCell(ctx, stageId, laneId).filter((n) => !moving.has(n.id));
    const at = Math.min(position ?? others.length, others.length);
    let before = others[at - 1]?.index ?? null;
    const after = others[at]?.index ?? null;
    const ordered = ctx
      .board()
      .notes.filter((n) => moving.has(n.id))
      .map((n) => n.id);
    for (const id of ordered) {
      const index = keyBetween(before, after);
      const rec = records[noteIds.indexOf(id)]!;
      rec.set('position', { stageId, laneId, index });
      rec.set('updatedAt', ctx.now);
      before = index;
    }
  },
);

/** Changes kind, colour, sentiment or department of one or more notes. */
export const updateNotes = command(
  z.object({ noteIds: noteIdsSchema, patch: noteFieldsSchema.omit({ text: true }) }),
  (ctx, { noteIds, patch }) => {
    const records = noteIds.map((id) => requireRecord(ctx, id, 'note'));
    if (Object.keys(patch).length === 0) throw new CommandError('invalid-input', 'Nothing to change.');
    for (const rec of records) {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) setNoteField(rec, key, value);
      if (patch.kind === 'emotion' && typeof rec.get('sentiment') !== 'number') rec.set('sentiment', 0);
      rec.set('updatedAt', ctx.now);
    }
  },
);

export const deleteNotes = command(z.object({ noteIds: noteIdsSchema }), (ctx, { noteIds }) => {
  for (const id of noteIds) requireRecord(ctx, id, 'note');
  removeNotes(ctx, noteIds);
});

/** A note its author left without a word: only whitespace, or nothing. */
export function isLeftEmpty(note: Pick<Note, 'text' | 'authorId'>, actorId: string): boolean {
  return note.authorId === actorId && note.text.trim() === '';
}

/**
 * Closing the editor on a note its author left empty removes it: a stray double-click or a burst
 * of toolbar clicks must not leave blank notes on everyone's board and in the priority list.
 * 'merge' puts the removal in the step that added the note, so undo never brings back a blank note
 * (Y.UndoManager skips a step whose insertions it also deleted). Returns whether it removed it.
 */
export const discardEmptyNote = command(
  z.object({ noteId: noteIdSchema }),
  (ctx, { noteId }) => {
    const note = ctx.board().notesById.get(noteId);
    if (!note || !isLeftEmpty(note, ctx.actor.id)) return false;
    removeNotes(ctx, [noteId]);
    return true;
  },
  'merge',
);

/** Copies notes right after each original, authored by whoever duplicates them. */
export const duplicateNotes = command(z.object({ noteIds: noteIdsSchema }), (ctx, { noteIds }) => {
  for (const id of noteIds) requireRecord(ctx, id, 'note');
  const board = ctx.board();
  return noteIds.map((id) => {
    const n = board.notesById.get(id)!;
    const cell = notesInCell(ctx, n.position.stageId, n.position.laneId);
    const at = cell.findIndex((c) => c.id === id) + 1;
    const index = indexAt(cell, at);
    return writeNewNote(ctx, { ...n, ...n.position, index });
  });
});

/**
 * Turns notes into actions (or updates them): any of owner, status and due; `status: null`
 * turns them back into plain notes and clears owner, due, the status times and the tracker issue's
 * link. A status change dates itself (ACTION_TIME_KEYS): entering a status sets its time, going
 * back forgets the times of the statuses after it, so `actionDoneAt` is always the current "done".
 */
export const setNoteAction = command(
  z.object({
    noteIds: noteIdsSchema,
    owner: actionOwnerSchema.optional(),
    status: actionStatusSchema.nullable().optional(),
    due: actionDueSchema.nullable().optional(),
  }),
  (ctx, { noteIds, owner, status, due }) => {
    const records = noteIds.map((id) => requireRecord(ctx, id, 'note'));
    for (const rec of records) {
      if (status === null) {
        for (const key of [
          'actionStatus',
          'actionOwner',
          'actionDue',
          'actionIssueUrl',
          ...Object.values(ACTION_TIME_KEYS),
        ])
          rec.delete(key);
      } else {
        const was = rec.get('actionStatus');
        if (was === undefined) rec.set(ACTION_TIME_KEYS.open, ctx.now);
        const next = status ?? (was === undefined ? 'open' : undefined);
        if (next !== undefined && next !== was) {
          rec.set('actionStatus', next);
          dateStatusChange(rec, next, ctx.now);
        }
        if (owner !== undefined) rec.set('actionOwner', owner);
        if (due !== undefined) rec.set('actionDue', due);
      }
      rec.set('updatedAt', ctx.now);
    }
  },
);

const STATUS_ORDER: readonly ActionStatus[] = ['open', 'in-progress', 'done'];

function dateStatusChange(rec: Y.Map<unknown>, status: ActionStatus, now: number): void {
  if (status !== 'open') rec.set(ACTION_TIME_KEYS[status], now);
  for (const later of STATUS_ORDER.slice(STATUS_ORDER.indexOf(status) + 1)) rec.delete(ACTION_TIME_KEYS[later]);
}

/** A note as it travels through the clipboard; ids and authors are not kept. */
export const clipboardNoteSchema = cellSchema.extend({
  kind: noteKindSchema,
  text: noteTextSchema,
  colour: colourSchema.nullable(),
  sentiment: sentimentSchema.nullable(),
  department: departmentSchema,
});
export type ClipboardNote = z.infer<typeof clipboardNoteSchema>;

type Cell = z.infer<typeof cellSchema>;

/**
 * Where a pasted note lands: its own cell when this board has it (copied here), else the board's
 * first cell (copied from another board, or its stage or lane removed since); null without cells.
 * Private writing puts pasted notes where this says too (client/board/noteActions.ts).
 */
export function pasteCellFor(
  board: { readonly stages: readonly { readonly id: StageId }[]; readonly lanes: readonly { readonly id: LaneId }[] },
  note: Cell,
): Cell | null {
  if (board.stages.some((s) => s.id === note.stageId) && board.lanes.some((l) => l.id === note.laneId))
    return { stageId: note.stageId, laneId: note.laneId };
  return board.stages[0] && board.lanes[0] ? { stageId: board.stages[0].id, laneId: board.lanes[0].id } : null;
}

/** Pastes notes into their original cells, or all into `target` when given or when a cell is gone. */
export const pasteNotes = command(
  z.object({ notes: z.array(clipboardNoteSchema).min(1).max(500), target: cellSchema.optional() }),
  (ctx, { notes, target }) => {
    const board = ctx.board();
    if (!board.stages[0] || !board.lanes[0])
      throw new CommandError('invalid-input', 'The board has no cell to paste into.');
    if (target) requireCell(ctx, target.stageId, target.laneId);
    const lastInCell = new Map<string, { id: string; index: string }[]>();
    return notes.map((n) => {
      const cell = target ?? pasteCellFor(board, n)!;
      const key = cellKey(cell.stageId, cell.laneId);
      const existing = lastInCell.get(key) ?? notesInCell(ctx, cell.stageId, cell.laneId);
      const index = indexAfterLast(existing);
      lastInCell.set(key, [{ id: '', index }]);
      return writeNewNote(ctx, { ...n, stageId: cell.stageId, laneId: cell.laneId, index });
    });
  },
);
