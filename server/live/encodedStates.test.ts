import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docVersion, EncodedStates } from './encodedStates.ts';

const raw = new Uint8Array(Buffer.from('journey '.repeat(500)));

describe('EncodedStates', () => {
  it('encodes a board once per content encoding while its encoding is fresh', async () => {
    let now = 1_000;
    let encodes = 0;
    const states = new EncodedStates({ maxAgeMs: 2_000, now: () => now });
    const encode = async () => {
      encodes++;
      return raw;
    };
    const [br, gzip, plain, again] = await Promise.all([
      states.get('b1', 'br', encode),
      states.get('b1', 'gzip', encode),
      states.get('b1', null, encode),
      states.get('b1', 'br', encode),
    ]);
    expect(encodes).toBe(3);
    expect(zlib.brotliDecompressSync(br)).toEqual(Buffer.from(raw));
    expect(zlib.gunzipSync(gzip)).toEqual(Buffer.from(raw));
    expect(plain).toEqual(Buffer.from(raw));
    expect(again).toBe(br);
    expect(br.byteLength).toBeLessThan(raw.byteLength / 10);

    now += 2_001;
    await states.get('b1', 'br', encode);
    expect(encodes).toBe(4);
    await states.get('b2', 'br', encode);
    expect(encodes).toBe(5);
  });

  it('keeps the encoding of a live board that has not changed, up to maxIdleMs', async () => {
    let now = 0;
    let encodes = 0;
    const states = new EncodedStates({ maxAgeMs: 2_000, maxIdleMs: 60_000, now: () => now });
    const doc = new Y.Doc();
    const encode = async () => {
      encodes++;
      return Y.encodeStateAsUpdateV2(doc);
    };
    await states.get('b1', 'br', encode, docVersion(doc));
    now += 30_000;
    await states.get('b1', 'br', encode, docVersion(doc));
    expect(encodes).toBe(1);

    doc.getMap('meta').set('title', 'Changed');
    const changed = await states.get('b1', 'br', encode, docVersion(doc));
    expect(encodes).toBe(2);
    const copy = new Y.Doc();
    Y.applyUpdateV2(copy, zlib.brotliDecompressSync(changed));
    expect(copy.getMap('meta').get('title')).toBe('Changed');

    now += 60_001;
    await states.get('b1', 'br', encode, docVersion(doc));
    expect(encodes).toBe(3);
  });

  it('docVersion changes with every change and differs between documents', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const first = docVersion(a);
    expect(docVersion(a)).toBe(first);
    expect(docVersion(b)).not.toBe(first);
    a.getMap('meta').set('title', 'x');
    expect(docVersion(a)).not.toBe(first);
  });

  it('docVersion stays when an update brings nothing new (a connection’s sync step 2), and moves on a deletion', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'x');
    const before = docVersion(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(new Y.Doc()));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(doc));
    doc.transact(() => {});
    expect(docVersion(doc)).toBe(before);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getMap('meta').delete('title');
    const deletion = Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc));
    Y.applyUpdate(doc, deletion);
    expect(docVersion(doc)).not.toBe(before);
  });

  it('does not keep a failure: the next request encodes again', async () => {
    const states = new EncodedStates();
    await expect(states.get('b1', 'gzip', () => Promise.reject(new Error('storage down')))).rejects.toThrow(
      'storage down',
    );
    // The entry is dropped once the failure has settled.
    await new Promise((r) => setImmediate(r));
    expect(zlib.gunzipSync(await states.get('b1', 'gzip', async () => raw))).toEqual(Buffer.from(raw));
  });

  it('keeps at most maxEntries boards, dropping the oldest', async () => {
    let encodes = 0;
    const states = new EncodedStates({ maxEntries: 2 });
    const encode = async () => {
      encodes++;
      return raw;
    };
    await states.get('b1', null, encode);
    await states.get('b2', null, encode);
    await states.get('b3', null, encode);
    expect(encodes).toBe(3);
    await states.get('b3', null, encode);
    await states.get('b2', null, encode);
    expect(encodes).toBe(3);
    await states.get('b1', null, encode);
    expect(encodes).toBe(4);
  });

  it('warm encodes a live board ahead of the first request, which then encodes nothing', async () => {
    const states = new EncodedStates();
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Warm');
    states.warm('b1', doc);
    let encodes = 0;
    const body = await states.get(
      'b1',
      'br',
      async () => {
        encodes++;
        return Y.encodeStateAsUpdateV2(doc);
      },
      docVersion(doc),
    );
    expect(encodes).toBe(0);
    const copy = new Y.Doc();
    Y.applyUpdateV2(copy, zlib.brotliDecompressSync(body));
    expect(copy.getMap('meta').get('title')).toBe('Warm');
  });
});
