import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../doc/boardDoc.ts';
import { initPeers } from '../testing/peers.ts';
import { JourneyLedger, randomOp } from '../testing/randomOps.ts';
import { createTestBoard } from '../testing/board.ts';
import { TEMPLATES } from '../templates/index.ts';
import { recordRepair, truncate } from './recordRepairs.ts';

function repairsOf(doc: Y.Doc): string[] {
  const found: string[] = [];
  recordsMap(doc).forEach((value, key) => {
    const r = recordRepair(key, value);
    if (r.kind !== 'ok') found.push(`${key}: ${JSON.stringify(r)}`);
  });
  return found;
}

describe('recordRepair (the server’s strict check of what clients write)', () => {
  it('finds nothing to repair on any template board', () => {
    for (const t of TEMPLATES) expect(repairsOf(createTestBoard(t.id).doc), t.id).toEqual([]);
  });

  it('finds nothing to repair after hundreds of random commands by several people', () => {
    const net = initPeers({ users: 3, seed: 7, template: TEMPLATES[1] });
    const ledger = new JourneyLedger();
    for (let i = 0; i < 300; i++) {
      randomOp(net.peer(i % 3), net.random, ledger);
      net.flushRandomMessages(2);
    }
    net.syncAll();
    expect(repairsOf(net.peer(0).doc)).toEqual([]);
  });

  it('deletes what is no record and repairs fields of the wrong type', () => {
    const doc = new Y.Doc();
    const records = doc.getMap<unknown>('records');
    const note = new Y.Map<unknown>();
    records.set('note:abc', note);
    records.set('note:str', 'x');
    records.set('nope', new Y.Map());
    note.set('kind', 'spaceship');
    expect(recordRepair('note:str', records.get('note:str')).kind).toBe('delete');
    expect(recordRepair('nope', records.get('nope')).kind).toBe('delete');
    const r = recordRepair('note:abc', note);
    expect(r.kind).toBe('fix');
    if (r.kind === 'fix') expect(r.set).toMatchObject({ typeName: 'note', id: 'note:abc', kind: 'touchpoint', colour: null, department: 'other' });
  });

  it('truncate never splits a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('abc', 5)).toBe('abc');
  });
});
