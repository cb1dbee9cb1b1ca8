import type * as Y from 'yjs';

/**
 * Yjs encodes every transaction again for the doc's `update` listeners. For the first sync of a
 * big board that is the whole board, on the way to the first render: at 5,000 notes ~0.25 s of
 * encoding and ~0.1 s handing the bytes to IndexedDB, plus the garbage. The provider drops its
 * own updates anyway, so only the local copy wants them, and it can take the whole state later.
 *
 * For the transactions `skip` picks, the `update` listeners are set aside (Yjs then does not
 * encode) and `skipped` is called afterwards with the transaction, to store the state some other
 * way (or not at all, for a state that came from the local copy itself).
 * Returns a function that stops watching.
 */
export function skipUpdateEncoding(
  doc: Y.Doc,
  skip: (transaction: Y.Transaction) => boolean,
  skipped: (transaction: Y.Transaction) => void,
): () => void {
  let setAside: { listeners: Set<unknown>; transaction: Y.Transaction } | null = null;
  // Yjs checks for `update` listeners right after `afterTransactionCleanup`. The next check is
  // the next transaction's (one made by an observer, say a local edit that must be sent): the
  // listeners are back by then, or by `afterAllTransactions` at the end of the chain.
  const restore = () => {
    if (!setAside) return;
    const { listeners, transaction } = setAside;
    const added = doc._observers.get('update');
    doc._observers.set('update', added ? new Set([...listeners, ...added]) : listeners);
    setAside = null;
    skipped(transaction);
  };
  const onCleanup = (transaction: Y.Transaction) => {
    restore();
    if (!skip(transaction)) return;
    const listeners = doc._observers.get('update');
    if (!listeners || listeners.size === 0) return;
    setAside = { listeners, transaction };
    doc._observers.delete('update');
  };
  doc.on('afterTransactionCleanup', onCleanup);
  doc.on('afterAllTransactions', restore);
  return () => {
    restore();
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', restore);
  };
}
