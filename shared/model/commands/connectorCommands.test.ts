import { describe, expect, it } from 'vitest';
import { rawFields, recordsMap } from '../../doc/boardDoc.ts';
import type { NoteId } from '../../schema/ids.ts';
import { createTestBoard } from '../../testing/board.ts';
import { initPeers } from '../../testing/peers.ts';
import { BoardModel } from '../boardModel.ts';

/** A board with three notes in two stages: a → b, and c to spare. */
function threeNotes() {
  const t = createTestBoard();
  const laneId = t.lane('Thoughts').id;
  const a = t.run('addNote', { stageId: t.stage('Awareness').id, laneId, text: 'sees an ad' });
  const b = t.run('addNote', { stageId: t.stage('Consideration').id, laneId, text: 'compares' });
  const c = t.run('addNote', { stageId: t.stage('Consideration').id, laneId, text: 'asks a friend' });
  return { t, a, b, c };
}

describe('connector commands', () => {
  it('add, retype, relabel, set the share and delete; empty label and share are absent keys', () => {
    const { t, a, b } = threeNotes();
    const id = t.run('addConnector', { from: a, to: b, label: '  via search ', share: 40 });
    expect(t.board().connectors).toEqual([
      { typeName: 'connector', id, from: a, to: b, kind: 'next-step', label: 'via search', share: 40 },
    ]);
    t.run('retypeConnector', { connectorId: id, kind: 'drop-out' });
    t.run('relabelConnector', { connectorId: id, label: 'price too high' });
    t.run('setConnectorShare', { connectorId: id, share: 12.5 });
    expect(t.board().connectors[0]).toMatchObject({ kind: 'drop-out', label: 'price too high', share: 12.5 });
    t.run('relabelConnector', { connectorId: id, label: ' ' });
    t.run('setConnectorShare', { connectorId: id, share: null });
    expect(Object.keys(rawFields(recordsMap(t.doc).get(id)!)).sort()).toEqual(['from', 'kind', 'to']);
    t.run('deleteConnectors', { connectorIds: [id] });
    expect(t.board().connectors).toEqual([]);
  });

  it('a loop back and the way forward between the same two notes are two connectors', () => {
    const { t, a, b } = threeNotes();
    t.run('addConnector', { from: a, to: b });
    t.run('addConnector', { from: b, to: a, kind: 'loop-back' });
    expect(
      t
        .board()
        .connectors.map((c) => c.kind)
        .sort(),
    ).toEqual(['loop-back', 'next-step']);
  });

  it('deleting a note deletes its connectors in the same step; one undo brings both back', () => {
    const { t, a, b, c } = threeNotes();
    const model = new BoardModel(t.doc, t.actor);
    const ab = model.run('addConnector', { from: a, to: b });
    const bc = model.run('addConnector', { from: b, to: c, kind: 'alternative' });
    const ac = model.run('addConnector', { from: a, to: c });
    model.run('deleteNotes', { noteIds: [b] });
    expect(model.source.getSnapshot().connectors.map((x) => x.id)).toEqual([ac]);
    expect(model.source.getSnapshot().orphanConnectors).toEqual([]);
    model.undo();
    const back = model.source.getSnapshot();
    expect(back.notesById.has(b)).toBe(true);
    expect(back.connectors.map((x) => x.id).sort()).toEqual([ab, bc, ac].sort());
    expect(back.connectors.find((x) => x.id === bc)!.kind).toBe('alternative');
    model.destroy();
  });

  it('removing a stage with its notes removes their connectors too', () => {
    const { t, a, b } = threeNotes();
    t.run('addConnector', { from: a, to: b });
    t.run('removeStage', { stageId: t.stage('Consideration').id, decision: { notes: 'delete' } });
    expect(t.board().connectors).toEqual([]);
    expect(t.board().orphanConnectors).toEqual([]);
  });

  it('a connector whose note is deleted concurrently is kept as an orphan, and can be reconnected', () => {
    const network = initPeers({ users: 2, seed: 11 });
    const [ann, bo] = network.peers as [(typeof network.peers)[0], (typeof network.peers)[0]];
    const cell = (stage: number) => ({ stageId: ann.board().stages[stage]!.id, laneId: ann.board().lanes[0]!.id });
    const a = ann.run('addNote', { ...cell(0), text: 'a' });
    const b = ann.run('addNote', { ...cell(1), text: 'b' });
    const c = ann.run('addNote', { ...cell(1), text: 'c' });
    network.syncAll();
    // Ann connects a → b while Bo, not having seen it, deletes b.
    const id = ann.run('addConnector', { from: a, to: b, label: 'next' });
    bo.run('deleteNotes', { noteIds: [b] });
    network.syncAll();
    for (const p of network.peers) {
      expect(p.board().connectors).toEqual([]);
      expect(p.board().orphanConnectors.map((x) => [x.id, x.to, x.label])).toEqual([[id, b, 'next']]);
    }
    bo.run('reconnectConnector', { connectorId: id, from: a, to: c });
    network.syncAll();
    expect(ann.board().connectors.map((x) => [x.id, x.to, x.label])).toEqual([[id, c, 'next']]);
    expect(ann.board().orphanConnectors).toEqual([]);
  });

  it('undo is per person: undoing my connector leaves a colleague’s, and their relabel of mine is theirs', () => {
    const network = initPeers({ users: 2, seed: 5 });
    const first = network.peer(0);
    const laneId = first.board().lanes[0]!.id;
    const ids: NoteId[] = first
      .board()
      .stages.slice(0, 3)
      .map((s, i) => first.run('addNote', { stageId: s.id, laneId, text: `n${i}` }));
    network.syncAll();
    const [ann, bo] = network.peers.map((p) => new BoardModel(p.doc, p.actor)) as [BoardModel, BoardModel];
    const mine = ann.run('addConnector', { from: ids[0]!, to: ids[1]! });
    network.syncAll();
    const theirs = bo.run('addConnector', { from: ids[1]!, to: ids[2]!, kind: 'drop-out' });
    bo.run('relabelConnector', { connectorId: mine, label: 'Bo was here' });
    network.syncAll();
    expect(ann.undo()).toBe(true);
    network.syncAll();
    for (const m of [ann, bo]) expect(m.source.getSnapshot().connectors.map((c) => c.id)).toEqual([theirs]);
    // Ann has nothing more to undo: Bo's connector and relabel were never hers.
    expect(ann.undo()).toBe(false);
    // Bo's relabel of a connector that is gone undoes nothing, so Yjs skips it: his connector goes.
    expect(bo.undo()).toBe(true);
    network.syncAll();
    expect(ann.source.getSnapshot().connectors).toEqual([]);
    ann.destroy();
    bo.destroy();
  });
});
