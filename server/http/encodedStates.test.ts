import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EncodedStates } from './encodedStates.ts';

const raw = new Uint8Array(Buffer.from('journey '.repeat(500)));

describe('EncodedStates', () => {
  it('encodes a board once while its encoding is fresh, for every request and encoding', async () => {
    let now = 1_000;
    let encodes = 0;
    const states = new EncodedStates({ maxAgeMs: 2_000, now: () => now });
    const encode = async () => {
      encodes++;
      return raw;
    };
    const [br, gzip, plain, again] = await Promise.all([states.get('b1', 'br', encode), states.get('b1', 'gzip', encode), states.get('b1', null, encode), states.get('b1', 'br', encode)]);
    expect(encodes).toBe(1);
    expect(zlib.brotliDecompressSync(br)).toEqual(Buffer.from(raw));
    expect(zlib.gunzipSync(gzip)).toEqual(Buffer.from(raw));
    expect(plain).toEqual(Buffer.from(raw));
    expect(again).toBe(br);
    expect(br.byteLength).toBeLessThan(raw.byteLength / 10);

    now += 2_001;
    await states.get('b1', 'br', encode);
    expect(encodes).toBe(2);
    await states.get('b2', 'br', encode);
    expect(encodes).toBe(3);
  });

  it('does not keep a failure: the next request encodes again', async () => {
    const states = new EncodedStates();
    await expect(states.get('b1', 'gzip', () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down');
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
});
