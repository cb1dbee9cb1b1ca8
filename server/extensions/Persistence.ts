import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { migrateBoard, readMeta } from '../../shared/index.ts';
import { BoardNotFound } from '../../shared/protocol/closeReasons.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { refusalForLoadFailure } from './BoardAccess.ts';

export interface PersistenceConfiguration {
  store: BoardStore;
}

/**
 * Loads boards from the BoardStore and keeps every accepted change there.
 *
 * - Load: snapshot + update log, then the schema migrations the board has not seen.
 * - Every update of a loaded document is appended to the log synchronously, inside the Y.Doc
 *   `update` event. Hocuspocus applies a client's update and only then sends its sync ack
 *   (MessageReceiver: readUpdate, then writeSyncStatus), so an acknowledged edit is on disk
 *   before the client hears it was saved, and survives a crash (kill -9).
 * - onStoreDocument (debounced by Hocuspocus, 2 s / max 10 s) compacts: the full state becomes
 *   the snapshot and the log rows it covers are deleted, in one transaction.
 *
 * A failed append or compaction is logged and the document stays in memory (Hocuspocus keeps a
 * document whose onStoreDocument throws); the next compaction writes the full state anyway.
 */
export class Persistence implements Extension {
  extensionName = 'Persistence';
  // Load before any other extension's onLoadDocument, so they see the stored board.
  priority = 150;

  private readonly store: BoardStore;
  /** The last log seq each live document contains. Keyed by document so a reload starts fresh. */
  private readonly lastSeq = new WeakMap<Y.Doc, number>();

  constructor(configuration: PersistenceConfiguration) {
    this.store = configuration.store;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    // BoardAccess has checked the board exists and decodes; failing here means it changed since.
    // Throwing leaks the half-built document (ueberdosis/hocuspocus#1156) but never serves an
    // empty board over real data; the reason reaches the waiting providers.
    const loaded = await loadBoardDoc(this.store, documentName).catch((error: unknown) => {
      throw refusalForLoadFailure(documentName, error);
    });
    if (!loaded) throw BoardNotFound;

    Y.applyUpdate(document, Y.encodeStateAsUpdate(loaded.doc));
    loaded.doc.destroy();
    this.lastSeq.set(document, loaded.lastSeq);

    // Registered after the stored state is in (loading must not log it again) and before the
    // migrations, whose changes are thereby persisted through the log like any other change.
    document.on('update', (update: Uint8Array) => this.append(document, documentName, update));

    const migration = migrateBoard(document);
    if (migration.applied.length > 0) {
      console.info(`[Persistence] board ${documentName}: schema ${migration.from} → ${migration.to} (${migration.applied.join('; ')})`);
    }
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    // Encode and read the seq in the same synchronous step: the snapshot then contains every
    // logged update up to that seq, and nothing appended later is deleted.
    const snapshot = Y.encodeStateAsUpdate(document);
    const upToSeq = this.lastSeq.get(document) ?? 0;
    try {
      await this.store.compact(documentName, { snapshot, title: readMeta(document).title, upToSeq, at: Date.now() });
    } catch (error) {
      console.error(`[Persistence] could not compact board ${documentName}; it stays in memory and its log is kept:`, error);
      throw error;
    }
  }

  private append(document: Y.Doc, documentName: string, update: Uint8Array): void {
    try {
      this.lastSeq.set(document, this.store.appendUpdate(documentName, update, Date.now()));
    } catch (error) {
      // Not rethrown: the update is already applied and broadcast, and throwing out of a Yjs
      // event would break the message handling. The next compaction stores the full state.
      console.error(`[Persistence] could not log an update to board ${documentName}; it is kept in memory:`, error);
    }
  }
}
