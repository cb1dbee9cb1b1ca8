import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newRecordMap, recordsMap } from '../../shared/doc/boardDoc.ts';
import { boardBefore, recordFields, recordsRemovedBy } from './recordRemovals.ts';

/** A server copy and a client copy of one board; returns the update each client change produces. */
function pair(notes: number) {
  const client = new Y.Doc();
  client.transact(() => {
    for (let i = 0; i < notes; i++) recordsMap(client).set(`note:${i}`, newRecordMap({ text: `Note ${i}`, x: i }));
  });
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  const change = (fn: () => void): Uint8Array => {
    let update: Uint8Array = new Uint8Array();
    client.once('update', (u: Uint8Array) => (update = u));
    client.transact(fn);
    return update;
  };
  return { client, server, change };
}

describe('recordsRemovedBy', () => {
  it('names the records an update deletes, read before it is applied', () => {
    const { client, server, change } = pair(10);
    const update = change(() => ['note:1', 'note:4', 'note:7'].forEach((k) => recordsMap(client).delete(k)));
    expect(recordsRemovedBy(server, update).sort()).toEqual(['note:1', 'note:4', 'note:7']);
    Y.applyUpdate(server, update);
    // Applied: nothing left to remove.
    expect(recordsRemovedBy(server, update)).toEqual([]);
  });

  it('passes over field writes, text edits and additions', () => {
    const { client, server, change } = pair(10);
    const fieldWrite = change(() => recordsMap(client).get('note:2')!.set('x', 99));
    const typing = change(() => (recordsMap(client).get('note:3')!.get('text') as Y.Text).insert(0, 'Hi '));
    const erasing = change(() => (recordsMap(client).get('note:3')!.get('text') as Y.Text).delete(0, 3));
    const adding = change(() => recordsMap(client).set('note:new', newRecordMap({ text: 'New' })));
    expect(typing.at(-1)).toBe(0); // no delete set: not even decoded
    for (const u of [fieldWrite, typing, erasing, adding]) {
      expect(recordsRemovedBy(server, u)).toEqual([]);
      Y.applyUpdate(server, u);
    }
  });
});

describe('boardBefore', () => {
  it('writes back records removed earlier in a run under their keys, text included', () => {
    const { client, server } = pair(3);
    const fields = recordFields(recordsMap(server).get('note:0')!);
    recordsMap(server).delete('note:0');
    const before = boardBefore(Y.encodeStateAsUpdate(server), new Map([['note:0', fields]]));
    expect([...recordsMap(before).keys()].sort()).toEqual(['note:0', 'note:1', 'note:2']);
    expect((recordsMap(before).get('note:0')!.get('text') as Y.Text).toString()).toBe('Note 0');
    client.destroy();
  });
});
