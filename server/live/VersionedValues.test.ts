import { describe, expect, it } from 'vitest';
import { VersionedValues } from './VersionedValues.ts';

describe('VersionedValues', () => {
  it('derives once per version of a key, and again when the version moves', async () => {
    const values = new VersionedValues<string>();
    const derived: string[] = [];
    const derive = (v: string) => () => {
      derived.push(v);
      return `value at ${v}`;
    };
    expect(await values.get('b1', 'v1', derive('v1'))).toBe('value at v1');
    expect(await values.get('b1', 'v1', derive('v1'))).toBe('value at v1');
    expect(await values.get('b1', 'v2', derive('v2'))).toBe('value at v2');
    expect(await values.get('b2', 'v2', derive('b2 v2'))).toBe('value at b2 v2');
    // An older version is not served from what a newer one left: it is derived again.
    expect(await values.get('b1', 'v1', derive('v1 again'))).toBe('value at v1 again');
    expect(derived).toEqual(['v1', 'v2', 'b2 v2', 'v1 again']);
  });

  it('drops the least recently used key past maxEntries', async () => {
    const values = new VersionedValues<number>(2);
    let derivations = 0;
    const derive = () => ++derivations;
    await values.get('a', 'v', derive);
    await values.get('b', 'v', derive);
    await values.get('a', 'v', derive); // a used again: b is now the oldest
    await values.get('c', 'v', derive);
    expect(derivations).toBe(3);
    await values.get('a', 'v', derive);
    expect(derivations).toBe(3);
    await values.get('b', 'v', derive);
    expect(derivations).toBe(4);
  });

  it('keeps nothing when deriving fails, so the next call tries again', async () => {
    const values = new VersionedValues<string>();
    await expect(
      values.get('b1', 'v1', () => {
        throw new Error('unreadable');
      }),
    ).rejects.toThrow('unreadable');
    expect(await values.get('b1', 'v1', () => 'read')).toBe('read');
  });
});
