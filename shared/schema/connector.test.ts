import { describe, expect, it } from 'vitest';
import { CONNECTOR_KINDS, connectorKindSchema, connectorShareSchema, readConnector } from './connector.ts';

const ID = 'connector:c1' as const;
const read = (raw: Record<string, unknown>) => readConnector(ID, { from: 'note:a', to: 'note:b', ...raw });

describe('readConnector', () => {
  // Its plain checks stand in for the schemas (a failed safeParse per connector slowed opening
  // a board with thousands): whatever the schema refuses reads as the default, and only that.
  it('reads a share exactly as connectorShareSchema accepts it', () => {
    const values = [undefined, null, 0, 40, 99.5, 100, 100.01, -0.1, -1, Number.NaN, Infinity, '40', true, {}];
    for (const share of values) {
      const parsed = connectorShareSchema.safeParse(share);
      expect(read({ share }).share, String(share)).toBe(parsed.success ? parsed.data : null);
    }
  });

  it('reads a kind exactly as connectorKindSchema accepts it', () => {
    for (const kind of [...CONNECTOR_KINDS, undefined, null, 'next', 'Drop-out', 1, 'toString', 'constructor']) {
      const parsed = connectorKindSchema.safeParse(kind);
      expect(read({ kind }).kind, String(kind)).toBe(parsed.success ? parsed.data : 'next-step');
    }
  });

  it('keeps a missing end visible as a missing note, never dropped', () => {
    expect(readConnector(ID, { to: 'note:b', kind: 'drop-out', label: 'Leaves', share: 12 })).toEqual({
      typeName: 'connector',
      id: ID,
      from: 'note:missing',
      to: 'note:b',
      kind: 'drop-out',
      label: 'Leaves',
      share: 12,
    });
  });
});
