import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRecordMap, recordsMap } from '../doc/boardDoc.ts';
import { readBoard } from '../model/snapshot.ts';
import { recordRepair } from './recordRepairs.ts';
import { readRound, ROUND_DEFAULTS, type RoundFields } from './round.ts';

const named: RoundFields = {
  title: 'Top pains',
  openedAt: 1000,
  revealedAt: 2000,
  dotsPerPerson: 3,
  anonymous: false,
  voterCount: 1,
  totals: { 'note:a': 2, 'note:b': 1 },
  notes: { 'note:a': { text: 'Slow checkout', kind: 'pain', stageId: 'stage:s', laneId: 'lane:l' } },
  byDepartment: {},
  byPerson: [{ personId: 'user-ann', name: 'Ann', department: 'sales', dots: { 'note:a': 2, 'note:b': 1 } }],
};

describe('round records', () => {
  it('read back what the server wrote', () => {
    expect(readRound('round:r1', { ...named })).toEqual({ typeName: 'round', id: 'round:r1', ...named });
  });

  it('an anonymous round never shows a voter, even if a byPerson field is present', () => {
    expect(readRound('round:r1', { ...named, anonymous: true }).byPerson).toBeNull();
  });

  it('a malformed field reads as its default; the rest is kept', () => {
    const r = readRound('round:r1', { ...named, totals: { 'note:a': -1 }, title: 42 });
    expect(r.totals).toEqual(ROUND_DEFAULTS.totals);
    expect(r.title).toBe(ROUND_DEFAULTS.title);
    expect(r.dotsPerPerson).toBe(3);
  });

  it('are in the snapshot, oldest reveal first, and repairs fix bad fields', () => {
    const doc = new Y.Doc();
    recordsMap(doc).set('round:late', newRecordMap({ ...named, revealedAt: 9000 }));
    recordsMap(doc).set('round:early', newRecordMap({ ...named }));
    expect(readBoard(doc).rounds.map((r) => r.id)).toEqual(['round:early', 'round:late']);
    expect(recordRepair('round:early', recordsMap(doc).get('round:early'))).toEqual({ kind: 'ok' });
    recordsMap(doc).get('round:early')!.set('voterCount', 'many');
    const repair = recordRepair('round:early', recordsMap(doc).get('round:early'));
    expect(repair).toMatchObject({ kind: 'fix', set: { voterCount: 0 }, why: ['voterCount'] });
  });
});
