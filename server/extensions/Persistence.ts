import type {
  beforeHandleMessagePayload,
  beforeUnloadDocumentPayload,
  connectedPayload,
  Document,
  Extension,
  Hocuspocus,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { migrateBoard, readMeta, schemaCompatibility } from '../../shared/index.ts';
import { migrateComments } from '../../shared/comments/index.ts';
import { BoardNotFound } from '../../shared/protocol/closeReasons.ts';
import { encodeStorageStatus } from '../../shared/protocol/storageStatus.ts';
import { DEFAULT_RETRY, SaveRetry, type RetryPolicy } from '../persistence/SaveRetry.ts';
import { documentUpdateIn } from '../persistence/syncMessages.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { documentStorage, type DocumentStorage } from '../storage/documentStorage.ts';
import { refusalForLoadFailure } from './BoardAccess.ts';
import { log } from '../observability/log.ts';

export interface PersistenceConfiguration {
  store: BoardStore;
  /** Called with the stored board before schema migrations change it (a checkpoint); errors are logged. */
  beforeMigration?: (boardId: string, document: Y.Doc) => Promise<void>;
  retry?: RetryPolicy;
}

/** Per live document: what the log holds and whether saving fails. */
interface DocState {
  /** The board itself or one of its other documents (comments): where this one is stored. */
  readonly storage: DocumentStorage;
  /**
   * Log rows known to be in this document: the ones it was loaded with, the ones this instance
   * appended (their seq is known once the append returns) and the ones a catch-up merged in.
   * Compaction deletes exactly these; another instance's rows stay (SnapshotRevisions.ts).
   */
  readonly contained: Set<number>;
  /** The stored snapshot revision this document contains. */
  revision: number;
  /** Set while saves fail; retries until a full save succeeds. */
  retry: SaveRetry | null;
  /** A log row of this board is being written: the next one waits (rows stay in causal order). */
  writing: boolean;
  /** Set while beforeHandleMessage applies a client's update: what happens meanwhile goes in its row. */
  capturing: boolean;
}

/**
 * Origin of stored state merged into a live document before a compaction (another instance
 * compacted meanwhile): it is in the store already, so it is not logged again.
 */
export const STORE_CATCH_UP_ORIGIN = Object.freeze({ source: 'local' as const, skipStoreHooks: true, context: { storeCatchUp: true } });

/** Client updates of one event-loop turn for one board, logged as one row (see appendInBatch). */
interface PendingAppends {
  readonly documentName: string;
  readonly state: DocState;
  readonly updates: Uint8Array[];
  readonly logged: (() => void)[];
}

// A compaction that keeps meeting another instance's newer snapshot gives up after this many
// catch-ups and counts as a failed save (retried with back-off).
const MAX_CATCH_UPS = 5;

/**
 * Loads boards from the BoardStore and keeps every accepted change there.
 *
 * - Load: snapshot + update log, then the schema migrations the board has not seen (after a
 *   `beforeMigration` checkpoint).
 * - A client's update is applied and appended to the log in `beforeHandleMessage`, awaited,
 *   before Hocuspocus's own (then no-op) apply and its SyncStatus acknowledgement. The updates
 *   of one event-loop turn are merged into one row per board (queueAppend): one write per
 *   turn instead of one per message, and every acknowledgement still waits for its row
 *   (Connection.processMessages awaits the hook, then MessageReceiver applies and acks). So an
 *   acknowledged edit is durable, for SQLite and PostgreSQL alike, and survives kill -9. What is
 *   logged is what the document integrated, never raw client bytes. Read-only connections are
 *   skipped. Extensions that refuse messages in the same hook must run before this one (a higher
 *   priority; the limits use 250 and 300).
 * - Changes the server makes itself (migrations, checkpoint restores, vote results) are appended
 *   from the document's update event; a repair made while a client's update is applied goes in
 *   that update's row. One board's rows are written one at a time, in order, so the log loads
 *   whatever moment the process dies at (Persistence.order.test.ts).
 * - Several instances (REDIS_URL, docs/operations.md): an update that reached this document
 *   through Redis (origin `{ source: 'redis' }`) was logged by the instance its client is on,
 *   before that client's acknowledgement; it is not appended again here.
 * - onStoreDocument (debounced by Hocuspocus, 2 s / max 10 s) compacts: the full state becomes
 *   the snapshot and the log rows the document is known to contain are deleted, in one
 *   transaction, only if no other instance wrote a snapshot since (SnapshotRevisions.ts);
 *   otherwise the stored snapshot and log are merged into the document first.
 *
 * A failed append or compaction never drops anything: the document stays in memory (an unload is
 * refused while saving fails), a full save is retried with back-off, and the board's clients are
 * told saving is delayed (a stateless message, shared/protocol/storageStatus.ts) until it works.
 */
export class Persistence implements Extension {
  extensionName = 'Persistence';
  // Load before any other extension's onLoadDocument, so they see the stored board.
  priority = 150;

  private readonly store: BoardStore;
  private readonly beforeMigration: PersistenceConfiguration['beforeMigration'];
  private readonly retryPolicy: RetryPolicy;
  private readonly docs = new WeakMap<Y.Doc, DocState>();
  private readonly retries = new Set<SaveRetry>();
  private readonly batches = new Map<Document, PendingAppends>();
  private batchScheduled = false;
  private instance: Hocuspocus | null = null;

  constructor(configuration: PersistenceConfiguration) {
    this.store = configuration.store;
    this.beforeMigration = configuration.beforeMigration;
    this.retryPolicy = configuration.retry ?? DEFAULT_RETRY;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    // BoardAccess has checked the board exists and decodes; failing here means it changed since.
    // Throwing leaks the half-built document (ueberdosis/hocuspocus#1156) but never serves an
    // empty board over real data; the reason reaches the waiting providers.
    const storage = documentStorage(this.store, documentName);
    if (!storage) throw BoardNotFound;
    // The revision is read before the snapshot: the snapshot loaded is that one or a newer one,
    // never older (a newer one only costs a catch-up at the first compaction).
    const loadFailed = (error: unknown) => {
      throw refusalForLoadFailure(documentName, error);
    };
    const revision = await storage.revision().catch(loadFailed);
    const loaded = await storage.load().catch(loadFailed);
    if (!loaded) throw BoardNotFound;

    Y.applyUpdate(document, Y.encodeStateAsUpdate(loaded.doc));
    loaded.doc.destroy();
    const state: DocState = { storage, contained: new Set(loaded.seqs), revision, retry: null, writing: false, capturing: false };
    this.docs.set(document, state);

    // Registered after the stored state is in (loading must not log it again) and before the
    // migrations, whose changes are thereby persisted through the log like any other change.
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (isConnectionOrigin(origin)) return; // appended in beforeHandleMessage
      if (isRedisOrigin(origin)) return; // logged by the instance that received it (see the class comment)
      if (origin === STORE_CATCH_UP_ORIGIN) return; // read from the store
      // A repair made while a client's update is applied is part of that update's row: logged
      // alone, it could reach the log before (or, after a crash, without) what it repairs.
      if (state.capturing) return;
      void this.queueAppend(document as Document, documentName, state, update, 'now');
    });

    if (storage.kind === 'comments') {
      // Its own schema version and migrations; a never-written comments document starts here.
      const m = migrateComments(document, storage.boardId);
      if (m.applied.length > 0) log.info({ board: storage.boardId, document: documentName, from: m.from, to: m.to }, 'comments document migrated');
      return;
    }
    if (schemaCompatibility(readMeta(document).schemaVersion) === 'older-doc' && this.beforeMigration) {
      await this.beforeMigration(documentName, document).catch((error: unknown) =>
        log.error({ board: documentName, err: error }, 'no checkpoint before the schema migration'),
      );
    }
    const migration = migrateBoard(document);
    if (migration.applied.length > 0) {
      log.info({ board: documentName, from: migration.from, to: migration.to, applied: migration.applied }, 'board migrated to the current schema');
    }
  }

  /** Someone joining a board whose saves fail hears about it at once. */
  async connected({ connection }: connectedPayload): Promise<void> {
    const retry = this.docs.get(connection.document)?.retry;
    if (retry) connection.sendStateless(encodeStorageStatus({ state: 'delayed', since: retry.since }));
  }

  async beforeHandleMessage({ document, documentName, update: message, connection }: beforeHandleMessagePayload): Promise<void> {
    const update = documentUpdateIn(message);
    const state = this.docs.get(document);
    if (!update || !state || connection.readOnly) return; // Hocuspocus applies nothing from a read-only connection
    // Apply it here, with the origin Hocuspocus itself uses, and log what the document actually
    // integrated: a malformed update or one with missing dependencies never reaches the log (it
    // would make the board unreadable on the next load). Hocuspocus then applies the same update
    // again, which changes nothing, and acknowledges it, after the append below has resolved.
    const integrated: Uint8Array[] = [];
    const capture = (u: Uint8Array) => integrated.push(u);
    document.on('update', capture);
    state.capturing = true;
    try {
      Y.applyUpdate(document, update, { source: 'connection', connection });
    } catch {
      // Hocuspocus meets the same error and closes the connection; whatever did integrate is logged.
    } finally {
      state.capturing = false;
      document.off('update', capture);
    }
    if (integrated.length === 0) return;
    const effective = integrated.length === 1 ? integrated[0]! : Y.mergeUpdates(integrated);
    await this.queueAppend(document, documentName, state, effective, 'end-of-turn');
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const state = this.docs.get(document);
    if (!state) return;
    if (!(await this.compact(document, documentName, state))) {
      // Rethrown so that Hocuspocus keeps the document ("stays in memory to avoid data loss").
      throw new Error(`Board ${documentName} could not be stored; it stays in memory and the save is retried`);
    }
  }

  async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload): Promise<void> {
    // A document whose saves fail stays loaded: unloading would drop its unsaved changes.
    if (this.docs.get(document)?.retry) throw new Error(`Board ${documentName} is not stored yet; it stays in memory`);
  }

  async onDestroy(): Promise<void> {
    for (const r of this.retries) r.stop();
    this.retries.clear();
  }

  /** Log rows this instance knows the board has beyond its snapshot (a metric: compaction keeps it short). */
  logRows(document: Y.Doc): number {
    return this.docs.get(document)?.contained.size ?? 0;
  }

  /** Whether the board's latest saves failed (its clients are shown "saving delayed"). */
  isSavingDelayed(document: Y.Doc): boolean {
    return Boolean(this.docs.get(document)?.retry);
  }

  /** Snapshot + delete contained rows; true when stored. Never rejects. */
  private async compact(document: Document, documentName: string, state: DocState): Promise<boolean> {
    try {
      for (let catchUps = 0; ; catchUps++) {
        // Encode and list the contained rows in the same synchronous step: both describe the
        // document at this moment (rows whose append returns later stay for the next time).
        const snapshot = Y.encodeStateAsUpdate(document);
        const seqs = [...state.contained];
        const revision = await state.storage.compactIfCurrent(document, snapshot, seqs, state.revision, Date.now());
        if (revision !== null) {
          state.revision = revision;
          for (const seq of seqs) state.contained.delete(seq);
          break;
        }
        if (catchUps === MAX_CATCH_UPS) throw new Error(`another instance kept compacting it (${MAX_CATCH_UPS} catch-ups)`);
        await this.catchUp(document, documentName, state);
      }
    } catch (error) {
      this.saveFailed(document, documentName, state, 'store', error);
      return false;
    }
    if (state.retry) this.recovered(document, documentName, state);
    return true;
  }

  /**
   * Another instance wrote a snapshot since this document last read or wrote one: merge the
   * stored snapshot and log into the document (Yjs merges are idempotent and commutative), so
   * that the next snapshot contains it and the rows read can be deleted.
   */
  private async catchUp(document: Document, documentName: string, state: DocState): Promise<void> {
    const revision = await state.storage.revision(); // before the snapshot, as on load
    const stored = await state.storage.loadRows();
    if (!stored) throw new Error('it is no longer stored');
    document.transact(() => {
      if (stored.snapshot) Y.applyUpdate(document, stored.snapshot);
      for (const { update } of stored.updates) Y.applyUpdate(document, update);
    }, STORE_CATCH_UP_ORIGIN);
    for (const { seq } of stored.updates) state.contained.add(seq);
    state.revision = revision;
  }

  /**
   * Logs an update the document already contains; resolves once its row is written (or its
   * failure handled, as `append`), so an acknowledgement that awaits it still follows the write.
   *
   * One board's rows are written one at a time, in the order their updates were applied: a row
   * is written only after the one before it is stored, so a later change (a repair, a restore)
   * never reaches the log without an earlier one it builds on, even if the process dies between
   * the two. Updates that arrive meanwhile are merged into the next row (group commit).
   *
   * `end-of-turn` (a client's update): waits for the end of this event-loop turn (setImmediate),
   * so the messages of every connection read in the turn make one row: one write per turn
   * instead of one per message. Hocuspocus handles each connection's messages one after the
   * other, so a connection's next message waits for the next turn. Broadcasts are not delayed:
   * the update is applied before it is logged. `now` (a server change): written at once when no
   * row of the board is being written, as before batching.
   */
  private queueAppend(document: Document, documentName: string, state: DocState, update: Uint8Array, when: 'end-of-turn' | 'now'): Promise<void> {
    let batch = this.batches.get(document);
    if (!batch) {
      batch = { documentName, state, updates: [], logged: [] };
      this.batches.set(document, batch);
    }
    batch.updates.push(update);
    const logged = new Promise<void>((resolve) => batch.logged.push(resolve));
    if (when === 'now' && !state.writing) this.writeBatch(document);
    else this.scheduleFlush();
    return logged;
  }

  private scheduleFlush(): void {
    if (this.batchScheduled) return;
    this.batchScheduled = true;
    setImmediate(() => {
      this.batchScheduled = false;
      for (const [document, batch] of [...this.batches]) if (!batch.state.writing) this.writeBatch(document);
    });
  }

  /** Writes the board's pending updates as one row; the next batch waits until it is stored. */
  private writeBatch(document: Document): void {
    const batch = this.batches.get(document);
    if (!batch) return;
    this.batches.delete(document);
    const { documentName, state, updates, logged } = batch;
    state.writing = true;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    void this.append(document, documentName, state, update, 'log an update to').then(() => {
      state.writing = false;
      logged.forEach((done) => done());
      if (this.batches.has(document)) this.scheduleFlush();
    });
  }

  /** Appends an update the document already contains. Never rejects. */
  private async append(document: Document, documentName: string, state: DocState, update: Uint8Array, what: string): Promise<void> {
    try {
      state.contained.add(await state.storage.append(update, Date.now()));
    } catch (error) {
      // Not rethrown: the update is applied and kept in memory; a full save is retried.
      this.saveFailed(document, documentName, state, what, error);
    }
  }

  private saveFailed(document: Document, documentName: string, state: DocState, what: string, error: unknown): void {
    log.error({ board: documentName, err: errorText(error) }, `could not ${what} the board; it stays in memory and saving is retried`);
    if (!state.retry) {
      state.retry = new SaveRetry(this.retryPolicy, () => this.compact(document, documentName, state));
      this.retries.add(state.retry);
      document.broadcastStateless(encodeStorageStatus({ state: 'delayed', since: state.retry.since }));
    }
    state.retry.failed();
  }

  private recovered(document: Document, documentName: string, state: DocState): void {
    const retry = state.retry!;
    retry.stop();
    this.retries.delete(retry);
    state.retry = null;
    log.info({ board: documentName }, 'board is stored again');
    document.broadcastStateless(encodeStorageStatus({ state: 'ok' }));
    // Hocuspocus skipped the unload when its save failed; do it now if nobody is left.
    if (this.instance && document.getConnectionsCount() === 0) void this.instance.unloadDocument(document);
  }
}

/** Hocuspocus applies a client's update with `{ source: 'connection', connection }` as origin. */
function isConnectionOrigin(origin: unknown): boolean {
  return typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'connection';
}

/** An update another instance relayed through @hocuspocus/extension-redis. */
function isRedisOrigin(origin: unknown): boolean {
  return typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'redis';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
