import { useEffect, useState } from 'react';
import type { IssuedIdentity } from '../../shared/index.ts';
import { ensureCredential, loadCredential } from './credential.ts';
import { LinkRefused } from '../pages/api.ts';

export type ProvenPerson =
  | { readonly kind: 'ready'; readonly identity: IssuedIdentity | null }
  | { readonly kind: 'pending' }
  | { readonly kind: 'failed'; readonly message: string; readonly retry: () => void }
  /** The link itself was refused: the board page shows why, as for a refused connection. */
  | { readonly kind: 'refused'; readonly reason: 'unauthorized' | 'board-not-found' };

/**
 * This device's credential, asked for through the board's share link on a first visit. Without a
 * link there is nothing to ask with: the board will refuse the connection and say why.
 */
export function useProvenPerson(boardId: string, token: string | null): ProvenPerson {
  const [state, setState] = useState<ProvenPerson>(() => {
    const stored = loadCredential();
    return stored || !token ? { kind: 'ready', identity: stored } : { kind: 'pending' };
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (state.kind !== 'pending' || !token) return;
    let live = true;
    ensureCredential(boardId, token).then(
      (identity) => live && setState({ kind: 'ready', identity }),
      (error: unknown) =>
        live &&
        setState(error instanceof LinkRefused ? { kind: 'refused', reason: error.reason } : {
          kind: 'failed',
          message: error instanceof Error ? error.message : 'The server could not be reached.',
          retry: () => {
            setState({ kind: 'pending' });
            setAttempt((n) => n + 1);
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [boardId, token, state.kind, attempt]);
  return state;
}
