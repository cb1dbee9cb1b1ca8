import { useCallback, useEffect, useState } from 'react';
import type { FutureStateResponse } from '../../shared/index.ts';
import { fetchFutureState, makeFutureState } from '../api/futureState.ts';
import { showToast } from './editorState.ts';
import { useSession } from './hooks.ts';

export interface FutureStateView {
  /** The pair this board belongs to, null for none, undefined while it is read. */
  readonly link: FutureStateResponse['link'] | undefined;
  readonly making: boolean;
  /** Makes the future-state board (a facilitator's or an editor's action); the server says who may. */
  make(): void;
}

/** This board's current/future pair, read from the server (it decides access, so it is not in the document). */
export function useFutureState(): FutureStateView {
  const session = useSession();
  const [link, setLink] = useState<FutureStateResponse['link'] | undefined>(undefined);
  const [making, setMaking] = useState(false);
  useEffect(() => {
    let live = true;
    fetchFutureState(session.boardId, session.token).then(
      (r) => live && setLink(r.link),
      () => live && setLink(null),
    );
    return () => {
      live = false;
    };
  }, [session]);
  const make = useCallback(() => {
    setMaking(true);
    makeFutureState(session.boardId, session.token)
      .then((r) => {
        setLink(r.link);
        showToast(session.editor, `Made “${r.link?.future.title}”: open it from the chip beside the title`, 'info');
      })
      .catch((error: Error) => showToast(session.editor, error.message, 'error'))
      .finally(() => setMaking(false));
  }, [session]);
  return { link, making, make };
}
