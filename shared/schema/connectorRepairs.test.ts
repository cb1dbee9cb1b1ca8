import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../doc/boardDoc.ts';
import { createTestBoard } from '../testing/board.ts';
import { recordRepair } from './recordRepairs.ts';

/** A connector written raw, as a client that bypasses the commands could. */
function rawConnector(fields: Record<string, unknown>) {
  const doc = new Y.Doc();
  const rec = new Y.Map<unknown>();
  recordsMap(doc).set('connector:raw', rec);
  for (const [k, v] of Object.entries(fields)) rec.set(k, v);
  return recordRepair('connector:raw', rec);
}

const ends = { from: 'note:a', to: 'note:b' };

describe('recordRepair of connectors', () => {
  it('leaves what the commands write alone, with and without label and share', () => {
    const t = createTestBoard();
    const laneId = t.lane('Thoughts').id;
    const a = t.run('addNote', { stageId: t.stage('Awareness').id, laneId, text: 'a' });
    const b = t.run('addNote', { stageId: t.stage('Consideration').id, laneId, text: 'b' });
    const plain = t.run('addConnector', { from: a, to: b });
    const full = t.run('addConnector', { from: b, to: a, kind: 'loop-back', label: 'x'.repeat(60), share: 100 });
    for (const id of [plain, full]) expect(recordRepair(id, recordsMap(t.doc).get(id))).toEqual({ kind: 'ok' });
    // An orphan (its note deleted concurrently) is a valid connector: kept for repair.
    expect(rawConnector({ from: a, to: 'note:gone', kind: 'drop-out' })).toEqual({ kind: 'ok' });
  });

  it('removes a connector from a note to itself, or without two note ids', () => {
    expect(rawConnector({ from: 'note:a', to: 'note:a', kind: 'next-step' })).toMatchObject({
      kind: 'delete',
      why: expect.stringMatching(/to itself/),
    });
    for (const bad of [{ to: 'note:b' }, { from: 'stage:a', to: 'note:b' }, { from: 'note:a', to: 7 }])
      expect(rawConnector({ ...bad, kind: 'next-step' })).toMatchObject({ kind: 'delete' });
    expect(rawConnector({ from: `note:${'x'.repeat(200)}`, to: 'note:b' })).toMatchObject({ kind: 'delete' });
  });

  it('repairs an unknown type, a long or non-text label and a share outside 0–100', () => {
    expect(rawConnector({ ...ends, kind: 'teleport', label: 'y'.repeat(61), share: 140 })).toEqual({
      kind: 'fix',
      set: { kind: 'next-step', label: 'y'.repeat(60) },
      remove: ['share'],
      cutTextTo: null,
      why: ['kind', 'label', 'share'],
    });
    expect(rawConnector({ ...ends, kind: 'alternative', label: 5, share: -1 })).toMatchObject({
      kind: 'fix',
      set: {},
      remove: ['label', 'share'],
    });
    expect(rawConnector({ ...ends, kind: 'drop-out', share: '40' })).toMatchObject({ remove: ['share'] });
    expect(rawConnector({ ...ends })).toMatchObject({ set: { kind: 'next-step' }, why: ['kind'] });
  });

  it('removes the typeName and id an older layout would write, like on every record', () => {
    expect(rawConnector({ ...ends, kind: 'next-step', typeName: 'connector', id: 'connector:raw' })).toMatchObject({
      kind: 'fix',
      remove: ['typeName', 'id'],
    });
  });
});
