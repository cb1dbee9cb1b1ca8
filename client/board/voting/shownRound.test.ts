import { describe, expect, it } from 'vitest';
import type { RoundId } from '../../../shared/index.ts';
import { shownRound } from './shownRound.ts';

const rounds = [{ id: 'round:a' as RoundId }, { id: 'round:b' as RoundId }];

describe('the totals on the board', () => {
  it('show the last revealed round by default (after a reload too)', () => {
    expect(shownRound(rounds, 'latest', false)?.id).toBe('round:b');
    expect(shownRound([], 'latest', false)).toBeNull();
  });

  it('show the chosen round, nothing once hidden, nothing while a round is open', () => {
    expect(shownRound(rounds, 'round:a' as RoundId, false)?.id).toBe('round:a');
    expect(shownRound(rounds, null, false)).toBeNull();
    expect(shownRound(rounds, 'latest', true)).toBeNull();
  });

  it('a round the facilitator hid for everyone is not shown, whoever chose it, until shown again', () => {
    expect(shownRound(rounds, 'latest', false, 'round:b')).toBeNull();
    expect(shownRound(rounds, 'round:b' as RoundId, false, 'round:b')).toBeNull();
    expect(shownRound(rounds, 'round:a' as RoundId, false, 'round:b')?.id).toBe('round:a');
    expect(shownRound(rounds, 'latest', false, null)?.id).toBe('round:b');
    // A newer reveal has another id: its dots show.
    expect(shownRound([...rounds, { id: 'round:c' as RoundId }], 'latest', false, 'round:b')?.id).toBe('round:c');
  });
});
