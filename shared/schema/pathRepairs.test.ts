import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordRepair } from './recordRepairs.ts';

/** A record as a raw client writes it: fields straight into a Y.Map, no command. */
function raw(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const rec = doc.getMap<unknown>('r');
  for (const [k, v] of Object.entries(fields)) rec.set(k, v);
  return rec;
}

describe('the happy path record, written raw', () => {
  it('a path of connector ids is fine', () => {
    expect(recordRepair('path:happy', raw({ connectors: ['connector:a', 'connector:b'] }))).toEqual({ kind: 'ok' });
  });

  it('steps that are no connector ids are dropped; steps to connectors that are gone stay (readers cut there)', () => {
    const repair = recordRepair('path:happy', raw({ connectors: ['connector:a', 'note:x', 42, 'connector:gone'] }));
    expect(repair).toMatchObject({ kind: 'fix', set: { connectors: ['connector:a', 'connector:gone'] } });
  });

  it('a path with no connector at all, or not a list, is removed', () => {
    expect(recordRepair('path:happy', raw({ connectors: [] })).kind).toBe('delete');
    expect(recordRepair('path:happy', raw({ connectors: 'connector:a' })).kind).toBe('delete');
    expect(recordRepair('path:happy', raw({})).kind).toBe('delete');
  });

  it('a path under another id is removed: schema 9 has only the happy path', () => {
    expect(recordRepair('path:mine', raw({ connectors: ['connector:a'] }))).toMatchObject({ kind: 'delete' });
  });

  it('an over-long id is dropped and 10,000 steps are cut to the 500 a command could write', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => `connector:${i}`);
    const repair = recordRepair('path:happy', raw({ connectors: [`connector:${'x'.repeat(200)}`, ...steps] }));
    expect(repair.kind).toBe('fix');
    if (repair.kind === 'fix') expect(repair.set.connectors).toEqual(steps.slice(0, 500));
  });
});
