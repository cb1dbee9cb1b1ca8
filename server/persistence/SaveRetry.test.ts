import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { waitFor } from '../testing/providers.ts';
import { retryDelay, SaveRetry } from './SaveRetry.ts';
import { documentUpdateIn } from './syncMessages.ts';

describe('SaveRetry', () => {
  it('backs off by doubling up to the maximum', () => {
    const policy = { firstDelayMs: 1000, maxDelayMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(policy, n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('keeps attempting until one succeeds, then stops; stop() cancels', async () => {
    let calls = 0;
    const retry = new SaveRetry({ firstDelayMs: 5, maxDelayMs: 20 }, async () => ++calls >= 3);
    retry.failed();
    await waitFor(() => calls === 3, { what: 'three attempts' });
    const stopped = new SaveRetry({ firstDelayMs: 5, maxDelayMs: 5 }, async () => {
      throw new Error('never called');
    });
    stopped.failed();
    stopped.stop();
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(3);
  });
});

describe('documentUpdateIn', () => {
  const message = (type: number, step?: number, payload = new Uint8Array([7, 8])) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, 'board0000001');
    encoding.writeVarUint(e, type);
    if (step !== undefined) {
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, payload);
    }
    return encoding.toUint8Array(e);
  };

  it('finds the Yjs update in sync step 2 and update messages only', () => {
    expect(documentUpdateIn(message(0, 2))).toEqual(new Uint8Array([7, 8])); // update
    expect(documentUpdateIn(message(0, 1))).toEqual(new Uint8Array([7, 8])); // sync step 2
    expect(documentUpdateIn(message(4, 1))).toEqual(new Uint8Array([7, 8])); // sync reply, step 2
    expect(documentUpdateIn(message(0, 0))).toBeNull(); // step 1: a state vector, no change
    expect(documentUpdateIn(message(1))).toBeNull(); // awareness
    expect(documentUpdateIn(new Uint8Array([200]))).toBeNull(); // garbage
  });
});
