import { useCallback, type ReactNode } from 'react';
import { useVoting } from '../../board/voting/hooks.ts';
import { ParticipantBadgeContext } from '../workshop/ParticipantPanel.tsx';
import type { Participant } from '../workshop/participants.ts';

/**
 * The participant panel's "who still has dots" column. The server sends the pending list only to
 * facilitators (counts, never choices), so everyone else sees no badge.
 */
export function DotsLeftBadges({ children }: { children: ReactNode }) {
  const pending = useVoting((s) => (s.round ? s.pending : null));
  const badge = useCallback(
    (person: Participant): ReactNode => {
      if (!pending) return null;
      const left = pending.find((p) => p.personId === person.userId)?.remaining ?? 0;
      return left > 0 ? (
        <span
          className="pp-dots-left"
          data-testid="participant-dots-left"
          title={`${left} dot${left === 1 ? '' : 's'} still to place`}
        >
          {left} {left === 1 ? 'dot' : 'dots'} left
        </span>
      ) : (
        <span className="pp-dots-done" data-testid="participant-dots-left" title="No dots left to place">
          ✓ voted
        </span>
      );
    },
    [pending],
  );
  return <ParticipantBadgeContext.Provider value={pending ? badge : null}>{children}</ParticipantBadgeContext.Provider>;
}
