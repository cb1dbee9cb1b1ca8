import { describe, expect, it } from 'vitest';
import { readPresence } from './presence.ts';

const base = { user: { id: 'ann', name: 'Ann', colour: '#0d74ce', department: 'sales' } };

describe('presence (workshop fields)', () => {
  it('reads view, following, away and role; fills defaults when absent', () => {
    expect(readPresence(7, base)).toMatchObject({ clientId: 7, view: null, following: null, away: false });
    expect(
      readPresence(7, {
        ...base,
        view: { x: -10, y: 5, width: 800, height: 600 },
        following: 12,
        away: true,
        role: 'editor',
      }),
    ).toMatchObject({
      view: { x: -10, y: 5, width: 800, height: 600 },
      following: 12,
      away: true,
      role: 'editor',
    });
  });

  it('a bad workshop field is dropped, not the person (tolerant on read)', () => {
    const peer = readPresence(7, {
      ...base,
      view: { x: 0, y: 0, width: -1, height: 'big' },
      following: 'bob',
      away: 'yes',
      role: 'admin',
    });
    expect(peer).toMatchObject({ view: null, following: null, away: false });
    expect(peer?.role).toBeUndefined();
    expect(readPresence(7, { ...base, view: { x: Infinity, y: 0, width: 1, height: 1 } })?.view).toBeNull();
  });
});
