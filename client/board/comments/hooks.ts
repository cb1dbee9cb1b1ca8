import { useMemo, useSyncExternalStore } from 'react';
import {
  isUnread,
  openThreadCountsByNote,
  type CommentsSnapshot,
  type ThreadView,
} from '../../../shared/comments/index.ts';
import type { NoteId } from '../../../shared/index.ts';
import { useSession } from '../hooks.ts';
import { useStore } from '../store.ts';
import type { CommentsSession, CommentsUiState } from './CommentsSession.ts';

export function useComments(): CommentsSession {
  return useSession().comments;
}

export function useCommentsSnapshot(): CommentsSnapshot {
  const { model } = useComments();
  return useSyncExternalStore(model.source.subscribe, model.source.getSnapshot);
}

export function useCommentsUi<S>(select: (s: CommentsUiState) => S): S {
  return useStore(useComments().ui, select);
}

/** Unread threads for me, recomputed when comments or my reads change. */
export function useUnreadThreads(): readonly ThreadView[] {
  const comments = useComments();
  const snapshot = useCommentsSnapshot();
  const visit = useCommentsUi((s) => s.visit);
  const readsHere = useCommentsUi((s) => s.readsHere);
  // biome-ignore lint/correctness/useExhaustiveDependencies: readsHere says my reads changed; comments.reads() is not a value React can watch
  return useMemo(() => {
    if (!visit) return [];
    const reads = comments.reads();
    return snapshot.threads.filter((t) => isUnread(t, comments.identity.id, reads));
  }, [snapshot, visit, readsHere, comments]);
}

/** Open threads per note, for the badges on the canvas. */
export function useOpenThreadCounts(): ReadonlyMap<NoteId, number> {
  const snapshot = useCommentsSnapshot();
  return useMemo(() => openThreadCountsByNote(snapshot), [snapshot]);
}

/** What the canvas draws for comments: open-thread badges, which are unread, and the pointed-out note. */
export function useCommentBadges(): {
  counts: ReadonlyMap<NoteId, number>;
  unread: ReadonlySet<NoteId>;
  highlight: string | null;
} {
  const counts = useOpenThreadCounts();
  const unreadThreads = useUnreadThreads();
  const highlight = useCommentsUi((s) => s.highlight);
  const unread = useMemo(
    () =>
      new Set(unreadThreads.filter((t) => t.target.kind === 'note' && !t.resolution).map((t) => t.target.id as NoteId)),
    [unreadThreads],
  );
  return { counts, unread, highlight };
}
