import { describe, expect, it } from 'vitest';
import { MAX_SHARED_SELECTION } from '../../shared/index.ts';
import { admitPresenceState, presenceCost } from './presenceState.ts';
import { TokenBucket } from './tokenBucket.ts';

const ann = () => ({
  user: { id: 'ann', name: 'Ann', colour: '#0d74ce', department: 'sales' },
  role: 'facilitator',
  extra: 1,
});

describe('admitPresenceState', () => {
  it('stamps the server’s role and, once identities are proven, the person id; keeps unknown fields', () => {
    const state = ann();
    expect(admitPresenceState(state, { role: 'viewer' }, 8192).ok).toBe(true);
    expect(state).toMatchObject({ role: 'viewer', user: { id: 'ann' }, extra: 1 });
    const proven = ann();
    admitPresenceState(proven, { role: 'editor', personId: 'p_123' }, 8192);
    expect(proven.user.id).toBe('p_123');
    const noRole = ann();
    admitPresenceState(noRole, {}, 8192);
    expect(noRole).not.toHaveProperty('role');
  });

  it('a guest cannot say they signed in: the server writes signedIn, or removes it', () => {
    const claims = { ...ann(), signedIn: true };
    admitPresenceState(claims, { role: 'editor', personId: 'p_1', signedIn: false }, 8192);
    expect(claims.signedIn).toBe(false);
    const unknown = { ...ann(), signedIn: true };
    admitPresenceState(unknown, { role: 'editor' }, 8192);
    expect(unknown).not.toHaveProperty('signedIn');
  });

  it('trims a long selection, refuses what the schema refuses and what is too large', () => {
    const selecting = { ...ann(), selection: Array.from({ length: 1000 }, (_, i) => `note:${i}`) };
    expect(admitPresenceState(selecting, {}, 8192).ok).toBe(true);
    expect(selecting.selection).toHaveLength(MAX_SHARED_SELECTION);
    expect(admitPresenceState({}, {}, 8192)).toEqual({ ok: false, why: 'invalid' });
    expect(admitPresenceState([1], {}, 8192)).toEqual({ ok: false, why: 'invalid' });
    expect(admitPresenceState({ ...ann(), pad: 'x'.repeat(9000) }, {}, 8192)).toEqual({ ok: false, why: 'too-large' });
  });
});

describe('presence budget', () => {
  it('costs a kilobyte a token, refills at its rate and says how long to wait', () => {
    const budget = new TokenBucket(10, 20, 0);
    expect(presenceCost(300)).toBe(1);
    expect(presenceCost(5000)).toBe(5);
    expect(budget.take(0, 20)).toBe(true);
    expect(budget.take(0, 1)).toBe(false);
    expect(budget.waitMs(0, 5)).toBe(500);
    expect(budget.take(500, 5)).toBe(true);
  });
});
