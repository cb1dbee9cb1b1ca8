import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CheckpointSummary } from '../../shared/index.ts';
import type { BoardSession } from './BoardSession.ts';
import { CheckpointsApi } from '../api/checkpoints.ts';

export interface CheckpointsState {
  readonly list: readonly CheckpointSummary[] | null;
  readonly error: string | null;
  readonly api: CheckpointsApi;
  reload(): void;
}

/** The board's checkpoints, refreshed when the server says the list changed (anyone saved or restored). */
export function useCheckpoints(session: BoardSession): CheckpointsState {
  const api = useMemo(() => new CheckpointsApi(session.boardId, () => session.token), [session]);
  const [list, setList] = useState<readonly CheckpointSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => session.connection.onCheckpointsChanged(reload), [session, reload]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload signal: a new value fetches the list again
  useEffect(() => {
    let live = true;
    api.list().then(
      (l) => {
        if (!live) return;
        setList(l);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, generation]);

  return { list, error, api, reload };
}
