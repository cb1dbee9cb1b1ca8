import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { skipUpdateEncoding } from './firstSyncEncoding.ts';

const REMOTE = Symbol('remote');

function remoteState(): Uint8Array {
  const source = new Y.Doc();
  source.getMap('records').set('note:a', 'from the server');
  return Y.encodeStateAsUpdate(source);
}

describe('skipUpdateEncoding', () => {
  it('emits no update for a skipped transaction, says so once, and emits the next ones', () => {
    const doc = new Y.Doc();
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    let skipped = 0;
    const origins: unknown[] = [];
    skipUpdateEncoding(
      doc,
      (t) => t.origin === REMOTE,
      (t) => {
        skipped++;
        origins.push(t.origin);
      },
    );

    Y.applyUpdate(doc, remoteState(), REMOTE);
    expect(doc.getMap('records').get('note:a')).toBe('from the server');
    expect(updates).toEqual([]);
    expect(skipped).toBe(1);
    expect(origins).toEqual([REMOTE]); // the caller tells which state it has to store some other way

    doc.getMap('records').set('note:b', 'local');
    expect(updates).toEqual([null]);
    expect(skipped).toBe(1);
  });

  it('still emits a local change that an observer makes while the skipped transaction is cleaned up', () => {
    const doc = new Y.Doc();
    const records = doc.getMap('records');
    const updates: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin));
    skipUpdateEncoding(
      doc,
      (t) => t.origin === REMOTE,
      () => {},
    );
    // Like a migration or a repair reacting to what arrived: its change must still be sent.
    records.observe((e) => {
      if (e.transaction.origin === REMOTE) doc.transact(() => records.set('note:fix', 'local fix'), 'fix');
    });

    Y.applyUpdate(doc, remoteState(), REMOTE);
    expect(updates).toEqual(['fix']);
  });

  it('keeps listeners added meanwhile, and stops watching when asked', () => {
    const doc = new Y.Doc();
    const first: unknown[] = [];
    const later: unknown[] = [];
    doc.on('update', (_u: Uint8Array, o: unknown) => first.push(o));
    const stop = skipUpdateEncoding(
      doc,
      (t) => t.origin === REMOTE,
      () => {},
    );
    // Added inside the window where the listeners are set aside.
    const addLater = () => {
      doc.off('afterTransactionCleanup', addLater);
      expect(doc._observers.get('update')).toBeUndefined();
      doc.on('update', (_u: Uint8Array, o: unknown) => later.push(o));
    };
    doc.on('afterTransactionCleanup', addLater);
    const state = remoteState();
    Y.applyUpdate(doc, state, REMOTE);
    stop();
    Y.applyUpdate(doc, state, REMOTE); // nothing new: no update either way
    const other = new Y.Doc();
    other.getMap('records').set('note:c', 'more');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE);
    expect(first).toEqual([REMOTE]);
    // It was listening when Yjs checked, so it also had the skipped one; it is kept either way.
    expect(later).toEqual([REMOTE, REMOTE]);
  });
});
