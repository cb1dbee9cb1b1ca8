/**
 * Compaction that stays correct when several server processes hold the same board (several
 * instances over Redis, PostgreSQL storage). BoardRepository.compactIfCurrent and
 * BoardDocumentRepository.compactBoardDocumentIfCurrent implement it; `snapshotRevision` reads it.
 *
 * With one process, "replace the snapshot with my document and delete the log rows up to the
 * last seq I appended" is safe: every row up to that seq is in my document. With two, instance
 * B's rows interleave with A's, and B's latest update may not have reached A through Redis yet:
 * A's compaction would delete B's row and write a snapshot without it. And whichever instance
 * writes the snapshot last would throw away what only the other one's snapshot held.
 *
 * So every snapshot carries a revision, and a compaction is conditional:
 * - it writes only if the snapshot is still at the revision the document is known to contain
 *   (the one read before loading, or written by this document's last compaction); otherwise
 *   nothing is written, and the caller first merges the stored snapshot and log into its
 *   document (Yjs merges are idempotent), then tries again. Snapshots therefore only grow:
 *   each one contains the one before it;
 * - it deletes exactly the log rows the document is known to contain (the rows it loaded, the
 *   rows it appended itself, the rows it merged), never "everything up to seq N". A row
 *   appended by another instance stays until a compaction that contains it.
 *
 * Every snapshot write bumps the revision, `compact` included (the restore-board tool uses it).
 *
 * An instance that holds a document open follows the log the same way (`unseenUpdates`): it
 * applies the rows it does not know, and when the revision moved it merges the whole stored form.
 */
export type RevisedDocumentCompaction = Omit<RevisedCompaction, 'title'>;

export interface RevisedCompaction {
  readonly snapshot: Uint8Array;
  /** Denormalised from the document so listings need not decode it. */
  readonly title: string;
  readonly at: number;
  readonly expectedRevision: number;
  /** Exactly the log rows the snapshot contains; other rows stay. */
  readonly seqs: readonly number[];
}

/**
 * What an instance that holds a document open has not seen of its stored form: the snapshot
 * revision and the log rows it does not know (another instance wrote them), read at one moment.
 */
export interface UnseenUpdates {
  readonly revision: number;
  /** `at`: when the instance that wrote the row logged it (its clock), for the catch-up delay metric. */
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array; readonly at: number }[];
}
