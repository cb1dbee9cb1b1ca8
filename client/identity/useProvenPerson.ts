import { useEffect, useState } from 'react';
import type { IssuedIdentity } from '../../shared/index.ts';
import { LinkRefused } from '../api/identity.ts';
import { fetchMe } from '../api/account.ts';
import { ensureCredential, forgetCredential, loadCredential } from './credential.ts';

export type ProvenPerson =
  | { readonly kind: 'ready'; readonly identity: IssuedIdentity | null }
  | { readonly kind: 'pending' }
  | { readonly kind: 'failed'; readonly message: string; readonly retry: () => void }
  /** The link itself was refused: the board page shows why, as for a refused connection. */
  | { readonly kind: 'refused'; readonly reason: 'unauthorized' | 'board-not-found' };

/**
 * This device's credential, asked for through the board's share link on a first visit. Without a
 * link only a signed-in member of the board gets one (My boards on a new device); anyone else is
 * refused, and the board page says why.
 */
export function useProvenPerson(boardId: string, token: string | null): ProvenPerson {
  const [state, setState] = useState<ProvenPerson>(() => {
    const stored = loadCredential();
    return stored ? { kind: 'ready', identity: stored } : { kind: 'pending' };
  });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked again for each board opened
  useEffect(() => {
    // Signed in (company sign-in) but holding another person's credential, from before: trade it
    // for one of the signed-in person, so this device is them here as on their other devices.
    const stored = loadCredential();
    if (!stored) return;
    let live = true;
    fetchMe().then(
      (me) => {
        if (!live || !me.person || me.person.id === stored.personId) return;
        forgetCredential();
        setState({ kind: 'pending' });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boardId, token]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry signal
  useEffect(() => {
    if (state.kind !== 'pending') return;
    let live = true;
    ensureCredential(boardId, token ?? '').then(
      (identity) => live && setState({ kind: 'ready', identity }),
      (error: unknown) =>
        live &&
        setState(
          error instanceof LinkRefused
            ? { kind: 'refused', reason: error.reason }
            : {
                kind: 'failed',
                message: error instanceof Error ? error.message : 'The server could not be reached.',
                retry: () => {
                  setState({ kind: 'pending' });
                  setAttempt((n) => n + 1);
                },
              },
        ),
    );
    return () => {
      live = false;
    };
  }, [boardId, token, state.kind, attempt]);
  return state;
}
