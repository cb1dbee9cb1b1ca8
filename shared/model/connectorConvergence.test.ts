import { describe, expect, it, onTestFinished } from 'vitest';
import { CONNECTOR_KINDS, type ConnectorKind } from '../schema/connector.ts';
import type { ConnectorId } from '../schema/ids.ts';
import { docJson, initPeers, type Peer } from '../testing/peers.ts';
import { createPrng, seedRandomValues } from '../testing/prng.ts';
import { CommandError } from './errors.ts';
import { BoardSnapshotSource, readBoard } from './snapshot.ts';

/** What the peers did to connectors, to check the merged board against. */
interface Ledger {
  readonly created: Set<ConnectorId>;
  /** Deleted on purpose, or with a note the deleting peer saw it attached to. */
  readonly deleted: Set<ConnectorId>;
  readonly kinds: Map<ConnectorId, Set<ConnectorKind>>;
}

const OPS = {
  addNote: 3,
  moveNote: 4,
  deleteNote: 2,
  addConnector: 5,
  retype: 2,
  relabel: 2,
  share: 1,
  deleteConnector: 1,
} as const;

function randomStep(peer: Peer, network: ReturnType<typeof initPeers>, ledger: Ledger): void {
  const r = network.random;
  const board = peer.board();
  const notes = board.notes;
  const all = [...board.connectors, ...board.orphanConnectors];
  const cell = () => ({ stageId: r.pick(board.stages).id, laneId: r.pick(board.lanes).id });
  const op = r.weighted(OPS);
  try {
    if (op === 'addNote' || notes.length < 2) peer.run('addNote', { ...cell(), text: 'n' });
    else if (op === 'moveNote') peer.run('moveNotes', { ...cell(), noteIds: [r.pick(notes).id] });
    else if (op === 'deleteNote') {
      const id = r.pick(notes).id;
      for (const c of all) if (c.from === id || c.to === id) ledger.deleted.add(c.id);
      peer.run('deleteNotes', { noteIds: [id] });
    } else if (op === 'addConnector' || all.length === 0) {
      const [from, to] = r.sample(notes, 2);
      const kind = r.pick(CONNECTOR_KINDS);
      const id = peer.run('addConnector', { from: from!.id, to: to!.id, kind });
      ledger.created.add(id);
      ledger.kinds.set(id, new Set([kind]));
    } else {
      const c = r.pick(all);
      if (op === 'retype') {
        const kind = r.pick(CONNECTOR_KINDS);
        peer.run('retypeConnector', { connectorId: c.id, kind });
        ledger.kinds.get(c.id)?.add(kind);
      } else if (op === 'relabel') peer.run('relabelConnector', { connectorId: c.id, label: `l${r.int(0, 99)}` });
      else if (op === 'share') peer.run('setConnectorShare', { connectorId: c.id, share: r.int(0, 100) });
      else {
        ledger.deleted.add(c.id);
        peer.run('deleteConnectors', { connectorIds: [c.id] });
      }
    }
  } catch (e) {
    // Two notes already connected: a refusal that writes nothing.
    if (!(e instanceof CommandError)) throw e;
  }
}

describe('connectors converge', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'three peers, random note moves and deletes and connector edits (seed %i): same board, nothing dropped',
    (seed) => {
      const restoreRandom = seedRandomValues(createPrng(seed * 7919));
      onTestFinished(restoreRandom);
      const network = initPeers({ users: 3, seed });
      const sources = network.peers.map((p) => new BoardSnapshotSource(p.doc));
      const ledger: Ledger = { created: new Set(), deleted: new Set(), kinds: new Map() };
      for (let step = 0; step < 300; step++) {
        const peer = network.random.pick(network.peers);
        randomStep(peer, network, ledger);
        network.flushRandomMessages(network.random.int(0, 4));
        if (network.random.bool(0.05)) network.disconnect(network.random.pick(network.peers));
        if (network.random.bool(0.1)) for (const p of network.peers) network.reconnect(p);
      }
      network.syncAll();
      const [first, ...rest] = network.peers;
      for (const p of rest) expect(docJson(p.doc)).toEqual(docJson(first!.doc));
      const board = readBoard(first!.doc);
      sources.forEach((source) => {
        const live = source.getSnapshot();
        expect({ c: live.connectors, o: live.orphanConnectors }).toEqual({
          c: board.connectors,
          o: board.orphanConnectors,
        });
      });
      const present = new Map([...board.connectors, ...board.orphanConnectors].map((c) => [c.id, c]));
      expect(ledger.created.size).toBeGreaterThan(20);
      // The run does what it is for: some connectors lost an end to a concurrent delete.
      expect(board.orphanConnectors.length).toBeGreaterThan(0);
      for (const id of ledger.created) {
        // Only a delete someone made removes a connector: a concurrent note delete leaves an orphan.
        expect(present.has(id), `connector ${id}`).toBe(!ledger.deleted.has(id));
        const c = present.get(id);
        if (c) expect(ledger.kinds.get(id)).toContain(c.kind);
      }
      for (const c of board.connectors) expect(board.notesById.has(c.from) && board.notesById.has(c.to)).toBe(true);
      for (const c of board.orphanConnectors)
        expect(board.notesById.has(c.from) && board.notesById.has(c.to)).toBe(false);
    },
  );
});
