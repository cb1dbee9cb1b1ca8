import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import type { NoteId } from '../schema/ids.ts';
import { attemptWrite } from '../testing/board.ts';
import { initPeers, type Peer } from '../testing/peers.ts';
import { BoardModel } from './boardModel.ts';
import { executeCommand } from './commands/index.ts';
import { CommandError } from './errors.ts';
import type { BoardSnapshot } from './snapshot.ts';

/**
 * Two people, each with a BoardModel over their own doc. Setup writes happen before the models
 * exist, so each history starts empty. Remote updates arrive with the network as origin.
 */
function twoPeople(setup?: (peer: Peer) => void) {
  const network = initPeers({ users: 2, seed: 3 });
  setup?.(network.peer(0));
  network.flushAllMessages();
  const [ann, bo] = network.peers.map((p) => new BoardModel(p.doc, p.actor)) as [BoardModel, BoardModel];
  const board = () => ann.source.getSnapshot();
  const sync = () => network.syncAll();
  return { network, ann, bo, board, sync };
}

const cellOf = (b: BoardSnapshot, stage: number, lane: number) => ({
  stageId: b.stages[stage]!.id,
  laneId: b.lanes[lane]!.id,
});

/** Three notes a, b, c in the first cell, written before anyone's history starts. */
function withNotes() {
  const ids: NoteId[] = [];
  const ctx = twoPeople((p) => {
    for (const text of ['a', 'b', 'c']) ids.push(p.run('addNote', { ...cellOf(p.board(), 0, 0), text }));
  });
  return { ...ctx, ids };
}

/**
 * Makes the history believe the last change was long ago, as after a pause in typing.
 * Y.UndoManager reads lib0's `Date.now` reference captured at import, so faking timers cannot
 * do it; moving `lastChange` back is the deterministic way (no sleeps, no wall clock).
 */
function pause(model: BoardModel): void {
  (model.history as unknown as { manager: Y.UndoManager }).manager.lastChange -= 60_000;
}

describe('undo is per person (only the local origin is tracked)', () => {
  it('starts empty: board creation (server origin) is not undoable', () => {
    const { ann } = twoPeople();
    expect(ann.history.getState()).toEqual({ canUndo: false, canRedo: false });
    expect(ann.undo()).toBe(false);
  });

  it('undo reverts only my changes, never a colleague’s edit applied with another origin', () => {
    const { ann, bo, board, sync } = twoPeople();
    const [s0, s1] = board().stages;
    ann.run('renameStage', { stageId: s0!.id, name: 'Ann’s stage' });
    bo.run('renameStage', { stageId: s1!.id, name: 'Bo’s stage' });
    sync();
    expect(ann.undo()).toBe(true);
    sync();
    for (const m of [ann, bo])
      expect(
        m.source
          .getSnapshot()
          .stages.slice(0, 2)
          .map((s) => s.name),
      ).toEqual(['Awareness', 'Bo’s stage']);
    expect(ann.undo()).toBe(false);
  });

  it('remote changes never enter my history, even when they touch the same note', () => {
    const { ann, bo, ids, sync } = withNotes();
    bo.run('editNoteText', { noteId: ids[0]!, text: 'a by Bo' });
    bo.run('moveNotes', { noteIds: [ids[1]!], ...cellOf(bo.source.getSnapshot(), 2, 2) });
    sync();
    expect(ann.history.getState().canUndo).toBe(false);
    expect(ann.undo()).toBe(false);
  });

  it('undo and redo of a colour reset (schema 6: a deleted key) bring the colour back and take it away again', () => {
    const { ann, bo, ids, sync } = withNotes();
    const colourOf = (m: BoardModel) => m.source.getSnapshot().notesById.get(ids[0]!)!.colour;
    ann.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: '#aa0000' } });
    pause(ann);
    ann.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: null } });
    sync();
    expect([colourOf(ann), colourOf(bo)]).toEqual([null, null]);
    expect(ann.undo()).toBe(true);
    sync();
    expect([colourOf(ann), colourOf(bo)]).toEqual(['#aa0000', '#aa0000']);
    expect(ann.redo()).toBe(true);
    sync();
    expect([colourOf(ann), colourOf(bo)]).toEqual([null, null]);
  });

  it('server-origin writes made after the model exists are not undoable by the person', () => {
    const { ann, network } = twoPeople();
    const peer = network.peer(0);
    executeCommand(peer.doc, peer.actor, 'renameBoard', { title: 'Set by the server' }, ORIGIN.server);
    expect(ann.undo()).toBe(false);
    expect(ann.source.getSnapshot().meta.title).toBe('Set by the server');
  });

  it('undoing my text edit keeps the characters a colleague typed in the same note meanwhile', () => {
    const { ann, bo, ids, board, sync } = withNotes();
    ann.run('editNoteText', { noteId: ids[0]!, text: 'a, said Ann' });
    bo.run('editNoteText', { noteId: ids[0]!, text: 'Bo: a' });
    sync();
    expect(board().notesById.get(ids[0]!)!.text).toBe('Bo: a, said Ann');
    ann.undo();
    sync();
    expect(board().notesById.get(ids[0]!)!.text).toBe('Bo: a');
    expect(bo.source.getSnapshot().notesById.get(ids[0]!)!.text).toBe('Bo: a');
  });

  it('undo of an add after a colleague edited another note leaves the colleague’s note', () => {
    const { ann, bo, ids, board, sync } = withNotes();
    const mine = ann.run('addNote', { ...cellOf(board(), 1, 1), text: 'mine' });
    sync();
    bo.run('editNoteText', { noteId: ids[1]!, text: 'b, edited by Bo' });
    const bos = bo.run('addNote', { ...cellOf(board(), 1, 1), text: 'Bo’s' });
    sync();
    ann.undo();
    sync();
    for (const m of [ann, bo]) {
      const b = m.source.getSnapshot();
      expect(b.notesById.has(mine)).toBe(false);
      expect(b.notesById.get(ids[1]!)!.text).toBe('b, edited by Bo');
      expect(b.notesById.get(bos)!.text).toBe('Bo’s');
    }
  });

  it('undo never overwrites a value a colleague set after mine', () => {
    const { ann, bo, board, sync } = twoPeople();
    const stage = board().stages[0]!.id;
    ann.run('renameStage', { stageId: stage, name: 'Ann' });
    sync();
    bo.run('renameStage', { stageId: stage, name: 'Bo' });
    sync();
    ann.undo();
    sync();
    expect(board().stages[0]!.name).toBe('Bo');
    expect(bo.source.getSnapshot().stages[0]!.name).toBe('Bo');
  });
});

describe('undo steps', () => {
  it('a multi-note move is one undo step', () => {
    const { ann, ids, board } = withNotes();
    const before = ids.map((id) => board().notesById.get(id)!.position);
    ann.run('moveNotes', { noteIds: ids, ...cellOf(board(), 3, 3) });
    expect(board().cells.get(`${board().stages[3]!.id}|${board().lanes[3]!.id}`)).toHaveLength(3);
    ann.undo();
    expect(ids.map((id) => board().notesById.get(id)!.position)).toEqual(before);
    expect(ann.history.getState().canUndo).toBe(false);
  });

  it('successive typing merges into one step, separated from a following command', () => {
    const { ann, ids, board } = withNotes();
    const text = () => board().notesById.get(ids[0]!)!.text;
    for (const t of ['a ', 'a b', 'a bc']) ann.run('editNoteText', { noteId: ids[0]!, text: t });
    ann.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: '#ff0000' } });
    ann.undo();
    expect(board().notesById.get(ids[0]!)!.colour).toBeNull();
    expect(text()).toBe('a bc');
    ann.undo();
    expect(text()).toBe('a');
    expect(ann.history.getState().canUndo).toBe(false);
  });

  it('a command before typing closes its step: typing is undone on its own', () => {
    const { ann, ids, board } = withNotes();
    ann.run('updateNotes', { noteIds: [ids[0]!], patch: { colour: '#ff0000' } });
    ann.run('editNoteText', { noteId: ids[0]!, text: 'typed' });
    ann.undo();
    expect(board().notesById.get(ids[0]!)).toMatchObject({ text: 'a', colour: '#ff0000' });
  });

  it('typing after a pause longer than the capture timeout is a new step', () => {
    const { ann, ids, board } = withNotes();
    ann.run('editNoteText', { noteId: ids[0]!, text: 'a1' });
    pause(ann);
    ann.run('editNoteText', { noteId: ids[0]!, text: 'a12' });
    ann.undo();
    expect(board().notesById.get(ids[0]!)!.text).toBe('a1');
  });

  // Adding a note and writing it as one step (the 'open-step' policy) is covered in openStep.test.ts.

  it('redo re-applies the undone step, and a new change clears redo', () => {
    const { ann, ids, board } = withNotes();
    ann.run('deleteNotes', { noteIds: [ids[0]!, ids[2]!] });
    ann.undo();
    expect(board().notes.map((n) => n.text)).toEqual(['a', 'b', 'c']);
    expect(ann.history.getState()).toEqual({ canUndo: false, canRedo: true });
    expect(ann.redo()).toBe(true);
    expect(board().notes.map((n) => n.text)).toEqual(['b']);
    ann.undo();
    ann.run('renameBoard', { title: 'New title' });
    expect(ann.history.getState()).toEqual({ canUndo: true, canRedo: false });
    expect(ann.redo()).toBe(false);
  });

  it('undo of a stage removal brings back the stage and its notes where they were', () => {
    const { ann, ids, board } = withNotes();
    const stage = board().stages[0]!;
    const before = ids.map((id) => board().notesById.get(id)!.position);
    ann.run('removeStage', { stageId: stage.id, decision: { notes: 'move', to: board().stages[1]!.id } });
    ann.undo();
    expect(board().stages[0]).toEqual(stage);
    expect(ids.map((id) => board().notesById.get(id)!.position)).toEqual(before);
  });

  it('renaming the board is undoable (meta is in the undo scope)', () => {
    const { ann, board } = twoPeople();
    ann.run('renameBoard', { title: 'Renamed' });
    ann.undo();
    expect(board().meta.title).toBe('Journey');
  });
});

describe('history state and read-only', () => {
  it('notifies subscribers when canUndo/canRedo change and keeps the state object otherwise', () => {
    const { ann, ids } = withNotes();
    let calls = 0;
    const unsubscribe = ann.history.subscribe(() => calls++);
    const empty = ann.history.getState();
    expect(ann.history.getState()).toBe(empty);
    ann.run('deleteNotes', { noteIds: [ids[0]!] });
    expect(calls).toBe(1);
    const afterDelete = ann.history.getState();
    ann.run('deleteNotes', { noteIds: [ids[1]!] });
    expect(ann.history.getState()).toBe(afterDelete); // still canUndo, no redo: same object
    expect(calls).toBe(1);
    ann.undo();
    ann.undo();
    expect(ann.history.getState()).toEqual({ canUndo: false, canRedo: true });
    unsubscribe();
    ann.redo();
    expect(calls).toBe(3);
  });

  it('a read-only model refuses commands with a reason and writes nothing; undo and redo do nothing', () => {
    const { ann, ids, network } = withNotes();
    ann.run('deleteNotes', { noteIds: [ids[0]!] });
    ann.readOnlyReason = 'The facilitator locked the board';
    const attempt = attemptWrite(network.peer(0).doc, () => ann.run('renameBoard', { title: 'x' }));
    expect(attempt.error).toBeInstanceOf(CommandError);
    expect(attempt.error).toMatchObject({ code: 'read-only', message: 'The facilitator locked the board' });
    expect(attempt.changed).toBe(false);
    expect(ann.undo()).toBe(false);
    expect(ann.source.getSnapshot().notesById.has(ids[0]!)).toBe(false);
  });
});
