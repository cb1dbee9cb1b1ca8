import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawFields, readMeta, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';
import { migrateBoard, SCHEMA_VERSION } from '../migrations/migrate.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';
import { createTestBoard, TEST_ACTOR } from '../testing/board.ts';
import { writeSchema5Board } from '../testing/schema5.ts';
import { executeCommand } from './commands/index.ts';
import { docJson, initPeers } from '../testing/peers.ts';
import { createPrng, seedRandomValues } from '../testing/prng.ts';
import { JourneyLedger, randomOp } from '../testing/randomOps.ts';
import { boardContent, diffBoards } from './boardDiff.ts';
import { BoardHistory } from './history.ts';
import { restoreBoardContent } from './restore.ts';
import { readBoard } from './snapshot.ts';

/** A checkpoint as the server keeps it: the full encoded state, decoded into a fresh doc. */
function checkpointOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const content = (doc: Y.Doc) => boardContent(readBoard(doc));

describe('restoreBoardContent', () => {
  let restoreRandom: (() => void) | undefined;
  afterEach(() => restoreRandom?.());

  it('brings back removed notes, removes added ones, sets changed fields back, restores the title', () => {
    const b = createTestBoard('ecommerce');
    const [kept, gone] = b.board().notes;
    const cp = checkpointOf(b.doc);

    b.run('renameBoard', { title: 'Renamed' });
    b.run('deleteNotes', { noteIds: [gone!.id] });
    b.run('editNoteText', { noteId: kept!.id, text: 'Changed text' });
    const stage = b.board().stages[2]!;
    b.run('moveNotes', { noteIds: [kept!.id], stageId: stage.id, laneId: kept!.position.laneId });
    const added = b.run('addNote', { stageId: stage.id, laneId: kept!.position.laneId, text: 'New since' });
    b.run('renameStage', { stageId: stage.id, name: 'Renamed stage' });

    const summary = restoreBoardContent(b.doc, cp);
    expect(summary).toMatchObject({ recreated: 1, removed: 1, titleChanged: true });
    expect(content(b.doc)).toEqual(content(cp));
    expect(b.board().notesById.has(added)).toBe(false);
    // Nothing left to do: a second restore changes nothing.
    expect(restoreBoardContent(b.doc, cp)).toEqual({ recreated: 0, removed: 0, changed: 0, titleChanged: false });
  });

  it('restoring a schema-5 checkpoint into a schema-6 board writes the schema-6 layout', () => {
    const cp = writeSchema5Board(); // as the checkpoint was stored, not migrated
    const live = writeSchema5Board();
    migrateBoard(live);
    const doomed = readBoard(live).notes[0]!;
    const changed = readBoard(live).notes[1]!;
    executeCommand(live, TEST_ACTOR, 'deleteNotes', { noteIds: [doomed.id] });
    executeCommand(live, TEST_ACTOR, 'updateNotes', {
      noteIds: [changed.id],
      patch: { colour: '#010203', sentiment: 1 },
    });
    const summary = restoreBoardContent(live, cp);
    expect(summary).toMatchObject({ recreated: 1, changed: 1 });
    recordsMap(live).forEach((rec, key) => expect(fieldsToDrop(key, rawFields(rec)), key).toEqual([]));
    expect(content(live)).toEqual(content(cp));
    expect(readBoard(live).notesById.get(changed.id)).toMatchObject({ colour: null, sentiment: null });
    expect(readMeta(live).schemaVersion).toBe(SCHEMA_VERSION); // restores never change the version
  });

  it('is one change with the server origin: nobody can undo it, and it is one update', () => {
    const b = createTestBoard('ecommerce');
    const cp = checkpointOf(b.doc);
    const history = new BoardHistory(b.doc);
    b.run('renameBoard', { title: 'Mine' });
    const updates: unknown[] = [];
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    restoreBoardContent(b.doc, cp);
    expect(updates).toEqual([ORIGIN.server]);
    history.destroy();
  });

  it('restore merges with a concurrent edit: a note added and text typed meanwhile survive', () => {
    const network = initPeers({ users: 2, seed: 7 });
    const [restorer, colleague] = network.peers;
    const board = restorer!.board();
    const note = restorer!.run('addNote', {
      stageId: board.stages[0]!.id,
      laneId: board.lanes[0]!.id,
      text: 'Slow checkout',
    });
    network.syncAll();
    const cp = checkpointOf(restorer!.doc);
    restorer!.run('editNoteText', { noteId: note, text: 'Slow checkout page' });
    network.syncAll();

    // Concurrently: the colleague types into the note and adds a note; the restorer restores.
    colleague!.run('editNoteText', { noteId: note, text: 'Very slow checkout page' });
    const theirs = colleague!.run('addNote', {
      stageId: board.stages[1]!.id,
      laneId: board.lanes[0]!.id,
      text: 'Added meanwhile',
    });
    restoreBoardContent(restorer!.doc, cp);
    network.syncAll();

    expect(docJson(restorer!.doc)).toEqual(docJson(colleague!.doc));
    const merged = readBoard(restorer!.doc);
    expect(merged.notesById.get(theirs)?.text).toBe('Added meanwhile');
    // The restore removed " page"; the colleague's concurrent "Very " is kept.
    expect(merged.notesById.get(note)?.text).toBe('Very slow checkout');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'seed %i: random edits, a restore during concurrent random edits, every peer converges',
    (seed) => {
      restoreRandom = seedRandomValues(createPrng(seed * 104_729));
      const network = initPeers({ users: 3, seed, template: undefined });
      const { random } = network;
      const ledger = new JourneyLedger();
      const ops = (n: number) => {
        for (let i = 0; i < n; i++) {
          randomOp(random.pick(network.peers), random, ledger);
          if (random.bool(0.3)) network.flushRandomMessages(random.int(0, 5));
        }
      };
      ops(25);
      network.syncAll();
      const cp = checkpointOf(network.peer(0).doc);
      ops(25);
      network.syncAll();
      // The restorer restores while the others keep editing without seeing it yet.
      restoreBoardContent(network.peer(0).doc, cp);
      for (let i = 0; i < 10; i++) randomOp(random.pick(network.peers.slice(1)), random, ledger);
      network.syncAll();
      const [first, ...rest] = network.peers;
      for (const p of rest) expect(docJson(p.doc)).toEqual(docJson(first!.doc));
      // With no concurrent edits, a restore reproduces the checkpoint exactly.
      restoreBoardContent(network.peer(1).doc, cp);
      network.syncAll();
      for (const p of network.peers) expect(content(p.doc)).toEqual(content(cp));
    },
  );
});

describe('diffBoards', () => {
  it('lists what was added, removed and changed since a checkpoint', () => {
    const b = createTestBoard('ecommerce');
    const cp = checkpointOf(b.doc);
    const [edited, removed, moved] = b.board().notes;
    b.run('editNoteText', { noteId: edited!.id, text: 'New words' });
    b.run('deleteNotes', { noteIds: [removed!.id] });
    const stage = b.board().stages.find((s) => s.id !== moved!.position.stageId)!;
    b.run('moveNotes', { noteIds: [moved!.id], stageId: stage.id, laneId: moved!.position.laneId });
    const added = b.run('addNote', { stageId: stage.id, laneId: moved!.position.laneId, text: 'Fresh' });
    b.run('renameBoard', { title: 'Now' });

    const diff = diffBoards(content(cp), content(b.doc));
    expect(diff.title).toEqual({ from: 'Journey', to: 'Now' });
    expect(diff.added).toEqual([{ id: added, type: 'note', label: 'Fresh' }]);
    expect(diff.removed).toEqual([{ id: removed!.id, type: 'note', label: removed!.text }]);
    expect(diff.changed).toEqual(
      expect.arrayContaining([
        { id: edited!.id, type: 'note', label: 'New words', what: ['text'] },
        { id: moved!.id, type: 'note', label: moved!.text, what: ['moved'] },
      ]),
    );
    expect(diffBoards(content(cp), content(cp))).toEqual({ title: null, added: [], removed: [], changed: [] });
  });
});

describe('diffBoards with stage KPIs', () => {
  it('lists KPIs added, removed and changed, with the fields that changed', () => {
    const b = createTestBoard('ecommerce');
    const cp = checkpointOf(b.doc);
    const [first, second] = b.board().kpis;
    b.run('updateKpi', { kpiId: first!.id, patch: { value: 1, target: 99 } });
    b.run('removeKpi', { kpiId: second!.id });
    const added = b.run('setKpi', { stageId: b.board().stages[0]!.id, metric: 'Reach', value: 1000 });
    const diff = diffBoards(content(cp), content(b.doc));
    expect(diff.added).toEqual([{ id: added, type: 'kpi', label: 'KPI Reach' }]);
    expect(diff.removed).toEqual([{ id: second!.id, type: 'kpi', label: `KPI ${second!.metric}` }]);
    expect(diff.changed).toEqual([
      { id: first!.id, type: 'kpi', label: `KPI ${first!.metric}`, what: ['value', 'target'] },
    ]);
  });
});
