import { useSession } from '../hooks.ts';
import { useStore } from '../store.ts';
import type { PrivateWritingState } from './privateWritingSession.ts';

export function usePrivateWriting<S>(select: (s: PrivateWritingState) => S): S {
  return useStore(useSession().privateWriting.state, select);
}
