import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawFields, recordsMap } from '../doc/boardDoc.ts';
import { recordTypeOf } from '../schema/ids.ts';
import { fieldsToDrop } from '../schema/recordLayout.ts';
import { boardJson, docJson, initPeers, type PeerNetwork } from '../testing/peers.ts';
import { createPrng, seedRandomValues } from '../testing/prng.ts';
import { JourneyLedger, placeOf, randomOp } from '../testing/randomOps.ts';
import { BoardSnapshotSource, readBoard } from './snapshot.ts';

/** After a full sync every peer must hold the same board, and the ledger must hold on it. */
function compare(network: PeerNetwork, ledger: JourneyLedger, sources: readonly BoardSnapshotSource[]): void {
  network.syncAll();
  expect(network.pending()).toBe(0);
  const [first, ...rest] = network.peers;
  for (const p of rest) {
    expect(docJson(p.doc)).toEqual(docJson(first!.doc));
    expect(boardJson(p.doc)).toEqual(boardJson(first!.doc));
  }
  // The live snapshot sources, fed by remote updates, agree with a full read.
  sources.forEach((source, i) => {
    const { meta, stages, lanes, notes, orphanNotes } = source.getSnapshot();
    expect({ meta, stages, lanes, notes, orphanNotes }).toEqual(boardJson(network.peer(i).doc));
  });

  const board = readBoard(first!.doc);
  // Every record is a Y.Map of a known type (from its key), in the schema-6 layout: no typeName
  // or id field, no null note colour or sentiment.
  recordsMap(first!.doc).forEach((rec, key) => {
    expect(rec).toBeInstanceOf(Y.Map);
    expect(recordTypeOf(key)).toBeDefined();
    expect(fieldsToDrop(key, rawFields(rec)), key).toEqual([]);
  });
  // No note shown twice: each id once across cells and orphans.
  const shown = board.notes.map((n) => n.id);
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown.length).toBe(board.notesById.size);
  expect([...board.cells.values()].flat().length + board.orphanNotes.length).toBe(shown.length);

  for (const id of ledger.created) {
    const note = board.notesById.get(id);
    // Nothing lost: a note nobody deleted is present; a deleted one is gone everywhere.
    expect(note === undefined, `note ${id} presence`).toBe(ledger.deleted.has(id));
    if (!note) continue;
    // Its place (stage, lane and index together) is one that someone chose, never a mix.
    expect(ledger.places.get(id)).toContain(placeOf(note));
    expect(ledger.kinds.get(id)).toContain(note.kind);
    // Text: every character someone typed and nobody erased, each exactly once.
    expect([...note.text].sort()).toEqual([...ledger.expectedText(id)].sort());
  }
  for (const id of board.notesById.keys()) expect(ledger.created.has(id), `unexpected note ${id}`).toBe(true);
}

describe('multi-peer convergence', () => {
  let restoreRandom: (() => void) | undefined;
  afterEach(() => restoreRandom?.());

  const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);

  it.each(SEEDS)('seed %i: 3–5 peers, 40 random intents, random partial syncs and reconnects', (seed) => {
    restoreRandom = seedRandomValues(createPrng(seed * 7919));
    const network = initPeers({ users: 3 + (seed % 3), seed });
    const { random } = network;
    const ledger = new JourneyLedger();
    const sources = network.peers.map((p) => new BoardSnapshotSource(p.doc));
    let done = 0;
    for (let step = 0; done < 40 && step < 400; step++) {
      if (randomOp(random.pick(network.peers), random, ledger)) done++;
      if (random.bool(0.5)) network.flushRandomMessages(random.int(0, 8));
      if (random.bool(0.05)) network.disconnect(random.pick(network.peers));
      if (random.bool(0.1)) network.reconnect(random.pick(network.peers));
    }
    expect(done).toBe(40);
    expect(ledger.created.size).toBeGreaterThan(0);
    compare(network, ledger, sources);
  });

  it('the same seed replays the same run', () => {
    const run = () => {
      const restore = seedRandomValues(createPrng(42));
      try {
        const network = initPeers({ users: 4, seed: 42 });
        const ledger = new JourneyLedger();
        for (let i = 0; i < 30; i++) {
          randomOp(network.random.pick(network.peers), network.random, ledger);
          network.flushRandomMessages(network.random.int(0, 3));
        }
        network.syncAll();
        // Timestamps come from the clock; everything else must repeat exactly.
        return JSON.stringify(docJson(network.peer(0).doc), (key, value) =>
          key === 'createdAt' || key === 'updatedAt' ? undefined : value,
        );
      } finally {
        restore();
      }
    };
    expect(run()).toBe(run());
  });
});

describe('concurrent intents (design decisions)', () => {
  let network: PeerNetwork;
  beforeEach(() => {
    network = initPeers({ users: 3, seed: 1 });
  });

  const cell = (stage: number, lane: number) => {
    const b = network.peer(0).board();
    return { stageId: b.stages[stage]!.id, laneId: b.lanes[lane]!.id };
  };
  const addShared = (text: string) => {
    const id = network.peer(0).run('addNote', { ...cell(0, 0), text });
    network.flushAllMessages();
    return id;
  };

  it('position is one key so concurrent moves never mix cells', () => {
    const id = addShared('moving');
    const choices = [cell(1, 2), cell(2, 1), cell(3, 4)];
    choices.forEach((c, i) => network.peer(i).run('moveNotes', { noteIds: [id], ...c }));
    network.syncAll();
    const finals = network.peers.map((p) => p.board().notesById.get(id)!.position);
    const { stageId, laneId } = finals[0]!;
    expect(finals.every((f) => f.stageId === stageId && f.laneId === laneId)).toBe(true);
    expect(choices).toContainEqual({ stageId, laneId });
  });

  it('moving is a field write, never delete plus insert, so concurrent moves never duplicate a note', () => {
    const id = addShared('moving');
    network.peer(1).run('moveNotes', { noteIds: [id], ...cell(4, 5) });
    network.peer(2).run('moveNotes', { noteIds: [id], ...cell(1, 1) });
    network.syncAll();
    const board = network.peer(0).board();
    expect(board.notes.filter((n) => n.text === 'moving')).toHaveLength(1);
    expect(board.notes).toHaveLength(1);
  });

  it('a record is a Y.Map of fields, so concurrent changes to different fields of one note both win', () => {
    const id = addShared('note');
    network.peer(1).run('updateNotes', { noteIds: [id], patch: { colour: '#00ff00' } });
    network.peer(2).run('updateNotes', { noteIds: [id], patch: { department: 'support' } });
    network.peer(0).run('moveNotes', { noteIds: [id], ...cell(2, 2) });
    network.syncAll();
    for (const p of network.peers) {
      expect(p.board().notesById.get(id)).toMatchObject({
        colour: '#00ff00',
        department: 'support',
        position: cell(2, 2),
      });
    }
  });

  it('note text is a Y.Text, so concurrent typists in one note keep both people’s characters', () => {
    const id = addShared('hello');
    network.peer(1).run('editNoteText', { noteId: id, text: 'Oh, hello' });
    network.peer(2).run('editNoteText', { noteId: id, text: 'hello world' });
    network.peer(0).run('editNoteText', { noteId: id, text: 'hello!' });
    network.syncAll();
    const text = network.peer(0).board().notesById.get(id)!.text;
    expect(text.startsWith('Oh, hello')).toBe(true);
    expect(text).toContain(' world');
    expect(text).toContain('!');
    expect(text).toHaveLength('Oh, hello world!'.length);
    for (const p of network.peers) expect(p.board().notesById.get(id)!.text).toBe(text);
  });

  it('a note added to a stage someone removes concurrently is kept as an orphan, never dropped', () => {
    const stage = cell(4, 0).stageId;
    network.peer(0).run('removeStage', { stageId: stage });
    const id = network.peer(1).run('addNote', { stageId: stage, laneId: cell(0, 0).laneId, text: 'late' });
    network.syncAll();
    for (const p of network.peers) {
      const board = p.board();
      expect(board.stages.map((s) => s.id)).not.toContain(stage);
      expect(board.orphanNotes.map((n) => n.id)).toEqual([id]);
      expect(board.notes.map((n) => n.id)).toContain(id);
    }
  });

  it('a note one person deletes while another edits it stays deleted', () => {
    const id = addShared('doomed');
    network.peer(0).run('deleteNotes', { noteIds: [id] });
    network.peer(1).run('editNoteText', { noteId: id, text: 'doomed but edited' });
    network.peer(2).run('moveNotes', { noteIds: [id], ...cell(1, 1) });
    network.syncAll();
    for (const p of network.peers) expect(p.board().notesById.has(id)).toBe(false);
  });

  it('notes added concurrently at the end of one cell tie on index and sort by id on every peer', () => {
    const ids = network.peers.map((p, i) => p.run('addNote', { ...cell(1, 1), text: `n${i}` }));
    network.syncAll();
    const order = network
      .peer(0)
      .board()
      .cells.get(`${cell(1, 1).stageId}|${cell(1, 1).laneId}`)!
      .map((n) => n.id);
    expect(order).toEqual([...ids].sort());
    for (const p of network.peers) expect(p.board().notes.map((n) => n.id)).toEqual(order);
  });

  it('a note can still be placed between two tied notes, after the tie (no room in between)', () => {
    network.peer(0).run('addNote', { ...cell(1, 1), text: 'a' });
    network.peer(1).run('addNote', { ...cell(1, 1), text: 'b' });
    network.syncAll();
    network.peer(2).run('addNote', { ...cell(1, 1), text: 'mid', position: 1 });
    network.syncAll();
    const texts = network
      .peer(0)
      .board()
      .cells.get(`${cell(1, 1).stageId}|${cell(1, 1).laneId}`)!
      .map((n) => n.text);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toBe('mid');
  });

  it('concurrent stage moves converge to one order that contains every stage once', () => {
    const stages = network
      .peer(0)
      .board()
      .stages.map((s) => s.id);
    network.peer(0).run('moveStage', { stageId: stages[4]!, position: 0 });
    network.peer(1).run('moveStage', { stageId: stages[0]!, position: 4 });
    network.peer(2).run('moveStage', { stageId: stages[2]!, position: 0 });
    network.syncAll();
    const orders = network.peers.map((p) => p.board().stages.map((s) => s.id));
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    expect([...orders[0]!].sort()).toEqual([...stages].sort());
  });
});
