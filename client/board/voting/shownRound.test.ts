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
});
