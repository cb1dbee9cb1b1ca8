import { describe, expect, it } from 'vitest';
import { AwaitingAdmission, BoardNotFound, CLOSE_REASONS, Unauthorized } from '../../shared/index.ts';
import { describeRefusal } from './connectBoard.ts';

describe('describeRefusal', () => {
  it('puts every reason the server sends into words (three are shown as their own pages)', () => {
    for (const { reason } of CLOSE_REASONS) {
      const text = describeRefusal(reason);
      if (reason === BoardNotFound.reason || reason === Unauthorized.reason || reason === AwaitingAdmission.reason)
        expect(text).toBe(reason);
      else expect(text, reason).toMatch(/ /);
    }
  });
});
