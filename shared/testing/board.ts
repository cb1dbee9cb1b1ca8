import * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import {
  executeCommand,
  type Actor,
  type CommandInput,
  type CommandName,
  type CommandResult,
} from '../model/commands/index.ts';
import { BoardModel } from '../model/boardModel.ts';
import { initializeBoard } from '../model/createBoard.ts';
import { readBoard, type BoardSnapshot } from '../model/snapshot.ts';
import type { Lane } from '../schema/lane.ts';
import type { Note } from '../schema/note.ts';
import type { NoteId } from '../schema/ids.ts';
import type { Stage } from '../schema/stage.ts';
import { findTemplate } from '../templates/index.ts';

export const TEST_ACTOR: Actor = { id: 'user-ann', name: 'Ann', department: 'sales' };

/** One person on one board: a doc initialized from a template, and lookups by visible name. */
export interface TestBoard {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  run<N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N>;
  board(): BoardSnapshot;
  stage(name: string): Stage;
  lane(name: string): Lane;
  note(id: NoteId): Note;
  /** Note texts of one cell, in order. */
  cellTexts(stage: string, lane: string): string[];
}

export function createTestBoard(templateId = 'blank', actor: Actor = TEST_ACTOR): TestBoard {
  const doc = new Y.Doc();
  const template = findTemplate(templateId);
  if (!template) throw new Error(`No template ${templateId}`);
  initializeBoard(doc, { boardId: 'board-under-test', title: 'Journey', template, now: 1 });
  return testBoardOf(doc, actor);
}

/** A second person on a copy of `other`'s board (a separate doc; nothing syncs afterwards). */
export function joinTestBoard(other: TestBoard, actor: Actor): TestBoard {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc));
  return testBoardOf(doc, actor);
}

/** `actor` on the board `doc` already holds. */
export function testBoardOf(doc: Y.Doc, actor: Actor = TEST_ACTOR): TestBoard {
  const board = () => readBoard(doc);
  const stage = (name: string) => {
    const s = board().stages.find((x) => x.name === name);
    if (!s) throw new Error(`No stage "${name}"`);
    return s;
  };
  const lane = (name: string) => {
    const l = board().lanes.find((x) => x.name === name);
    if (!l) throw new Error(`No lane "${name}"`);
    return l;
  };
  return {
    doc,
    actor,
    run: (name, input) => executeCommand(doc, actor, name, input, ORIGIN.local),
    board,
    stage,
    lane,
    note(id) {
      const n = board().notesById.get(id);
      if (!n) throw new Error(`No note ${id}`);
      return n;
    },
    cellTexts(stageName, laneName) {
      const s = stage(stageName);
      const l = lane(laneName);
      return (board().cells.get(`${s.id}|${l.id}`) ?? []).map((n) => n.text);
    },
  };
}

export interface WriteAttempt {
  /** What the attempt threw, if anything. */
  readonly error: unknown;
  /** `update` events the doc emitted during the attempt. */
  readonly updates: number;
  /** Whether the encoded state differs afterwards. */
  readonly changed: boolean;
}

/** Runs `fn` and reports whether it wrote to `doc`: for "a rejected command writes nothing". */
export function attemptWrite(doc: Y.Doc, fn: () => unknown): WriteAttempt {
  const before = Y.encodeStateAsUpdate(doc);
  let updates = 0;
  const count = () => void updates++;
  doc.on('update', count);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  } finally {
    doc.off('update', count);
  }
  const after = Y.encodeStateAsUpdate(doc);
  const changed = before.length !== after.length || before.some((b, i) => b !== after[i]);
  return { error, updates, changed };
}

/** One person's BoardModel (undo history, live snapshot) on a fresh board, and its first cell. */
export function createTestModel(templateId = 'blank', actor: Actor = TEST_ACTOR) {
  const { doc } = createTestBoard(templateId, actor);
  const model = new BoardModel(doc, actor);
  const b = readBoard(doc);
  return { doc, model, cell: { stageId: b.stages[0]!.id, laneId: b.lanes[0]!.id } };
}
