import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getRecord, recordsMap } from '../doc/boardDoc.ts';
import { initPeers } from '../testing/peers.ts';
import { JourneyLedger, randomOp } from '../testing/randomOps.ts';
import { createTestBoard } from '../testing/board.ts';
import { TEMPLATES } from '../templates/index.ts';
import { onlyDropsDerivedFields, recordRepair, truncate } from './recordRepairs.ts';

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
    if (r.kind === 'fix') {
      expect(r.set).toMatchObject({ kind: 'touchpoint', department: 'other' });
      // Never adds typeName or id (schema 6: the key holds both); absent colour and sentiment are valid.
      expect(Object.keys(r.set)).not.toContain('typeName');
      expect(Object.keys(r.set)).not.toContain('id');
      expect(r.why).not.toContain('colour');
      expect(r.remove).toEqual([]);
    }
  });

  it('removes typeName and id whatever their value, quietly when that is all (an older writer’s layout)', () => {
    const t = createTestBoard('blank');
    const id = t.run('addNote', { stageId: t.board().stages[0]!.id, laneId: t.board().lanes[0]!.id, text: 'x' });
    const note = getRecord(t.doc, id)!;
    expect(recordRepair(id, note)).toEqual({ kind: 'ok' });
    note.set('typeName', 'note');
    note.set('id', id);
    const r = recordRepair(id, note);
    expect(r).toMatchObject({ kind: 'fix', set: {}, remove: ['typeName', 'id'], cutTextTo: null });
    expect(onlyDropsDerivedFields(r)).toBe(true);
    note.set('id', 'note:other');
    note.set('kind', 'spaceship');
    const both = recordRepair(id, note);
    expect(both).toMatchObject({ kind: 'fix', set: { kind: 'touchpoint' }, remove: ['typeName', 'id'] });
    expect(onlyDropsDerivedFields(both)).toBe(false);
  });

  it('null colour and sentiment are valid; an invalid one is removed (it reads as null)', () => {
    const t = createTestBoard('blank');
    const id = t.run('addNote', { stageId: t.board().stages[0]!.id, laneId: t.board().lanes[0]!.id, text: 'x' });
    const note = getRecord(t.doc, id)!;
    note.set('colour', null);
    note.set('sentiment', null);
    expect(recordRepair(id, note)).toEqual({ kind: 'ok' });
    note.set('colour', 'red');
    note.set('sentiment', 7);
    expect(recordRepair(id, note)).toMatchObject({ kind: 'fix', set: {}, remove: ['colour', 'sentiment'] });
  });

  it('truncate never splits a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('abc', 5)).toBe('abc');
  });
});
