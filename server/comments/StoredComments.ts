import type { DocumentRepositories } from '../storage/documentStorage.ts';
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { commentCountsByNote, exportComments, importComments } from '../../shared/comments/index.ts';
import type { NoteId } from '../../shared/index.ts';
import { COMMENTS_SUFFIX } from '../../shared/protocol/roles.ts';
import { loadBoardDocumentDoc } from '../storage/documentStorage.ts';
import type { CommentsAccess } from './CommentsAccess.ts';
import { docVersion } from '../live/encodedStates.ts';
import { VersionedValues } from '../live/VersionedValues.ts';

/**
 * The exports' view of a board's comments document (`<boardId>/comments`): the live document when
 * someone has it open (it may be ahead of the store), else one rebuilt from storage for the
 * request. Imports go through a direct connection, so they are logged like any server change.
 * `attach` gives it the Hocuspocus instance, created after the HTTP handler (see createServer.ts).
 */
export class StoredComments implements CommentsAccess {
  readonly available = true;
  private readonly store: DocumentRepositories;
  private instance: Hocuspocus | null = null;
  /** Counted once per version of the comments document: every priority-list request asks. */
  private readonly keptCounts = new VersionedValues<ReadonlyMap<NoteId, number>>();

  constructor(store: DocumentRepositories) {
    this.store = store;
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  async counts(boardId: string): Promise<ReadonlyMap<NoteId, number>> {
    const live = this.instance?.documents.get(`${boardId}${COMMENTS_SUFFIX}`);
    if (live) return this.keptCounts.get(boardId, `live ${docVersion(live)}`, () => commentCountsByNote(live));
    const version = await this.store.documents.storedVersion(boardId, 'comments');
    if (version === null) return new Map();
    return this.keptCounts.get(boardId, `stored ${version}`, () => this.read(boardId, commentCountsByNote, new Map()));
  }

  export(boardId: string): Promise<unknown | null> {
    return this.read(boardId, exportComments, null);
  }

  async restore(boardId: string, data: unknown): Promise<void> {
    if (!this.instance) throw new Error('StoredComments used before attach()');
    const connection = await this.instance.openDirectConnection(`${boardId}${COMMENTS_SUFFIX}`);
    try {
      let failure: unknown;
      await connection.transact((doc) => {
        try {
          importComments(doc, data);
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
    } finally {
      await connection.disconnect();
    }
  }

  private async read<T>(boardId: string, read: (doc: Y.Doc) => T, none: T): Promise<T> {
    const live = this.instance?.documents.get(`${boardId}${COMMENTS_SUFFIX}`);
    if (live) return read(live);
    const loaded = await loadBoardDocumentDoc(this.store, boardId, 'comments');
    if (!loaded) return none;
    try {
      return read(loaded.doc);
    } finally {
      loaded.doc.destroy();
    }
  }
}
