/**
 * Which boards this device holds a local copy of (client/sync/localCopy.ts), in localStorage so
 * the page's first script can tell without opening IndexedDB: a return visit then paints from
 * that copy and syncs only what changed, instead of downloading the whole board again.
 * A mark is a hint, never proof: the copy is checked when it opens (it may have been evicted).
 */

const key = (boardId: string) => `journeyboard.copy.${boardId}`;

export function hasLocalCopy(boardId: string, storage: Storage = window.localStorage): boolean {
  try {
    return storage.getItem(key(boardId)) !== null;
  } catch {
    return false; // storage refused (private mode, say): download as on a first visit
  }
}

/** `held`: the copy holds this board (set once it opened with it), or not (forget the mark). */
export function markLocalCopy(boardId: string, held: boolean, storage: Storage = window.localStorage): void {
  try {
    if (held) storage.setItem(key(boardId), '1');
    else storage.removeItem(key(boardId));
  } catch {
    // A full or refused storage only costs the next visit a download.
  }
}
