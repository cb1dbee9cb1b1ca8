import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BoardSnapshot, HistoryState, Peer } from '../../shared/index.ts';
import type { ConnectionState } from '../sync/connection.ts';
import type { BoardSession } from './BoardSession.ts';
import type { EditorState } from './editorState.ts';
import { useStore } from './store.ts';

export const SessionContext = createContext<BoardSession | null>(null);

export function useSession(): BoardSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a board');
  return s;
}

export function useBoard(): BoardSnapshot {
  const { model } = useSession();
  return useSyncExternalStore(model.source.subscribe, model.source.getSnapshot);
}

/** One value of the board (a primitive or a record kept across snapshots): re-renders only when it changes. */
export function useBoardValue<S>(select: (b: BoardSnapshot) => S): S {
  const { model } = useSession();
  return useSyncExternalStore(model.source.subscribe, () => select(model.source.getSnapshot()));
}

export function useHistoryState(): HistoryState {
  const { model } = useSession();
  return useSyncExternalStore(model.history.subscribe, model.history.getState);
}

export function usePeers(): readonly Peer[] {
  const { presence } = useSession();
  return useSyncExternalStore(presence.subscribe, presence.getPeers);
}

export function useConnection(): ConnectionState {
  const { connection } = useSession();
  return useSyncExternalStore(connection.status.subscribe, connection.status.get);
}

export function useEditor<S>(select: (s: EditorState) => S): S {
  return useStore(useSession().editor, select);
}
