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
import { holdAcknowledgements } from '../persistence/heldAcks.ts';
import { documentUpdateIn } from '../persistence/syncMessages.ts';
import { type LogGap, logGap } from '../storage/boardState.ts';
import { type DocumentRepositories, type DocumentStorage, documentStorage } from '../storage/documentStorage.ts';
import { refusalForLoadFailure } from './BoardAccess.ts';
import { log } from '../observability/log.ts';

export interface PersistenceConfiguration {
  store: DocumentRepositories;
  /** Called with the stored board before schema migrations change it (a checkpoint); errors are logged. */
  beforeMigration?: (boardId: string, document: Y.Doc) => Promise<void>;
  retry?: RetryPolicy;
  /**
   * Several instances: every this many milliseconds, read the log rows of every open document
   * that another instance wrote and this one has not seen, and apply them (see `follow`). Off
   * (undefined) with one instance, where every row is this instance's own.
   */
  followLogMs?: number;
  /**
   * Told of each catch-up from the log: why, how many rows it applied and, for rows another
   * instance wrote that never came through Redis, how long ago the oldest was logged (metrics).
   */
  onCatchUp?: (reason: CatchUpReason, rows: number, delayMs: number | null) => void;
}

/** Why an instance read the log of a board it holds: rows another instance wrote, or its compaction. */
type CatchUpReason = 'unseen-rows' | 'compacted-elsewhere';

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
  /** What the transactions of the current chain integrated (one row; see `logChain`). */
  chain: Uint8Array[];
  /** Resolves once every row queued so far is written (acknowledgements wait for it); null when none is pending. */
  queued: Promise<void> | null;
  /** Loaded with changes missing from its log (boardState.ts logGap), until a client's sync supplies them. */
  gap: LogGap | null;
  /** A compaction of this document is running: the follower leaves it alone meanwhile. */
  compacting: boolean;
}

/**
 * Origin of stored state merged into a live document before a compaction (another instance
 * compacted meanwhile): it is in the store already, so it is not logged again.
 */
const STORE_CATCH_UP_ORIGIN = Object.freeze({
  source: 'local' as const,
  skipStoreHooks: true,
  context: { storeCatchUp: true },
});

/** Updates of one event-loop turn for one board, logged as one row (see queueAppend). */
interface PendingAppends {
  readonly documentName: string;
  readonly state: DocState;
  readonly updates: Uint8Array[];
  /** Resolves once the row is written (or its failure handled). */
  readonly logged: Promise<void>;
  readonly done: () => void;
}

// A compaction that keeps meeting another instance's newer snapshot gives up after this many
// catch-ups and counts as a failed save (retried with back-off).
const MAX_CATCH_UPS = 5;

/**
 * Loads boards from the repositories (BoardRepository, BoardDocumentRepository) and keeps every accepted change there.
 *
 * - Load: snapshot + update log, then the schema migrations the board has not seen (after a
 *   `beforeMigration` checkpoint).
 * - Every change is logged from the document's update events, per transaction chain: a
 *   transaction and the ones its observers start (a record repair) make one row (`logChain`),
 *   so a repair is never stored without the change it repairs, nor before it. What is logged is
 *   what the document integrated (Yjs's own encoding of each transaction), never raw client bytes.
 * - A client's update is applied once, by Hocuspocus. Its SyncStatus acknowledgement, which
 *   Hocuspocus sends right after applying, is held until every row queued by then is written
 *   (server/persistence/heldAcks.ts, installed from `beforeHandleMessage` on writable
 *   connections), so an acknowledged edit is durable, for SQLite and PostgreSQL alike, and
 *   survives kill -9. The updates of one event-loop turn are merged into one row per board
 *   (queueAppend): one write per turn instead of one per message. A refused message (an
 *   extension's beforeHandleMessage throws) is never applied, so never logged; read-only
 *   connections apply nothing and their acknowledgements are not held.
 * - Changes the server makes itself (migrations, checkpoint restores, vote results) are logged
 *   the same way, written at once rather than at the end of the turn. One board's rows are
 *   written one at a time, in order, so the log loads whatever moment the process dies at
 *   (Persistence.order.test.ts).
 * - Several instances (REDIS_URL, docs/operations.md): an update that reached this document
 *   through Redis (origin `{ source: 'redis' }`) is logged here too, with the turn's row, although
 *   the instance its client is on logs it as well. That instance may die before its row commits;
 *   logging it here means every row this instance writes holds what it builds on, so the log never
 *   refers to changes it lacks, and an acknowledgement from here waits for it like for any other
 *   update of the turn. The duplicate row costs nothing to Yjs and the next compaction drops it.
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

  private readonly store: DocumentRepositories;
  private readonly beforeMigration: PersistenceConfiguration['beforeMigration'];
  private readonly retryPolicy: RetryPolicy;
  private readonly docs = new WeakMap<Y.Doc, DocState>();
  private readonly retries = new Set<SaveRetry>();
  private readonly batches = new Map<Document, PendingAppends>();
  private batchScheduled = false;
  private instance: Hocuspocus | null = null;
  private readonly followLogMs: number | undefined;
  private readonly onCatchUp: PersistenceConfiguration['onCatchUp'];
  private followTimer: NodeJS.Timeout | null = null;
  private following: Promise<void> | null = null;
  private destroyed = false;

  constructor(configuration: PersistenceConfiguration) {
    this.store = configuration.store;
    this.beforeMigration = configuration.beforeMigration;
    this.retryPolicy = configuration.retry ?? DEFAULT_RETRY;
    this.followLogMs = configuration.followLogMs;
    this.onCatchUp = configuration.onCatchUp;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
    if (this.followLogMs !== undefined) this.scheduleFollow();
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
    const state: DocState = {
      storage,
      contained: new Set(loaded.seqs),
      revision,
      retry: null,
      writing: false,
      chain: [],
      queued: null,
      gap: loaded.gap,
      compacting: false,
    };
    this.docs.set(document, state);
    if (state.gap)
      log.warn(
        { board: documentName, missing: state.gap.missing, pendingDeletes: state.gap.pendingDeletes },
        'board loaded with changes missing from its log; served, and healed when a client that has them syncs',
      );

    // Registered after the stored state is in (loading must not log it again) and before the
    // migrations, whose changes are thereby persisted through the log like any other change.
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === STORE_CATCH_UP_ORIGIN) return; // read from the store
      state.chain.push(update);
    });
    // Yjs emits this once the first transaction of a chain and every transaction its observers
    // started (RecordGuard's repair of a client's change) are cleaned up: their update events
    // have all fired by now, and Hocuspocus has not yet acknowledged the client's update.
    document.on('afterAllTransactions', (_doc: Y.Doc, transactions: Y.Transaction[]) => {
      this.logChain(document as Document, documentName, state, transactions[0]?.origin);
      if (state.gap && !logGap(document)) {
        log.info({ board: documentName }, 'board gap healed: the missing changes arrived and are logged');
        state.gap = null;
      }
    });

    if (storage.kind === 'comments') {
      // Its own schema version and migrations; a never-written comments document starts here.
      const m = migrateComments(document, storage.boardId);
      if (m.applied.length > 0)
        log.info(
          { board: storage.boardId, document: documentName, from: m.from, to: m.to },
          'comments document migrated',
        );
      return;
    }
    if (schemaCompatibility(readMeta(document).schemaVersion) === 'older-doc' && this.beforeMigration) {
      await this.beforeMigration(documentName, document).catch((error: unknown) =>
        log.error({ board: documentName, err: error }, 'no checkpoint before the schema migration'),
      );
    }
    const migration = migrateBoard(document);
    if (migration.applied.length > 0) {
      log.info(
        { board: documentName, from: migration.from, to: migration.to, applied: migration.applied },
        'board migrated to the current schema',
      );
    }
  }

  /** Someone joining a board whose saves fail hears about it at once. */
  async connected({ connection }: connectedPayload): Promise<void> {
    const retry = this.docs.get(connection.document)?.retry;
    if (retry) connection.sendStateless(encodeStorageStatus({ state: 'delayed', since: retry.since }));
  }

  /**
   * Runs before Hocuspocus applies the message (and after the extensions that may refuse it, which
   * come before it in extensions/order.ts). From a connection's first document update on, its acknowledgements
   * wait for the log: each one until every row queued when Hocuspocus sends it is written. The
   * update it acknowledges was applied, and its row queued (`logChain`), just before. An update
   * that integrated nothing new (already received another way) waits for what is still pending.
   */
  async beforeHandleMessage({ document, update: message, connection }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return; // Hocuspocus applies nothing from it and acknowledges nothing as saved
    const state = this.docs.get(document);
    if (!state || !documentUpdateIn(message)) return;
    holdAcknowledgements(connection, () => state.queued);
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
    this.destroyed = true;
    if (this.followTimer) clearTimeout(this.followTimer);
    this.followTimer = null;
    await this.following;
  }

  /**
   * Brings every open document up to its stored log now (several instances; see `follow`), for
   * example when Redis comes back after relays were lost. Resolves once done.
   */
  async followNow(): Promise<void> {
    while (this.following) await this.following;
    this.following = this.follow().finally(() => (this.following = null));
    await this.following;
  }

  private scheduleFollow(): void {
    this.followTimer = setTimeout(() => {
      this.followTimer = null;
      void this.followNow().finally(() => {
        if (this.followLogMs !== undefined && !this.destroyed) this.scheduleFollow();
      });
    }, this.followLogMs);
    this.followTimer.unref?.();
  }

  /**
   * Several instances: Redis relays each change to the other instances holding the board, but a
   * relay can be late, lost in a Redis outage, or never sent (the instance died right after
   * acknowledging). The log is the truth: every acknowledged change is in it. So each instance
   * reads, for every document it holds, the rows it has not seen and applies them (as stored
   * state: not logged again); when another instance compacted meanwhile it merges the whole
   * stored form. An acknowledged change therefore reaches every instance within about one
   * interval plus a read, whoever dies (docs/operations.md, "Storage with several instances").
   */
  private async follow(): Promise<void> {
    for (const document of [...(this.instance?.documents.values() ?? [])]) {
      const state = this.docs.get(document);
      if (!state || state.compacting || state.retry) continue;
      try {
        const stored = await state.storage.unseen(state.contained);
        if (state.compacting || !this.instance?.documents.has(document.name)) continue;
        if (stored.revision !== state.revision) {
          await this.catchUp(document, state);
          this.onCatchUp?.('compacted-elsewhere', stored.updates.length, null);
          continue;
        }
        const rows = stored.updates.filter((u) => !state.contained.has(u.seq));
        if (rows.length === 0) continue;
        document.transact(() => {
          for (const { update } of rows) Y.applyUpdate(document, update);
        }, STORE_CATCH_UP_ORIGIN);
        for (const { seq } of rows) state.contained.add(seq);
        const oldest = rows.reduce((min, r) => Math.min(min, r.at), Number.POSITIVE_INFINITY);
        this.onCatchUp?.('unseen-rows', rows.length, Date.now() - oldest);
      } catch (error) {
        log.warn(
          { board: document.name, err: errorText(error) },
          'could not read the board’s log to follow it; tries again',
        );
      }
    }
  }

  /** Log rows this instance knows the board has beyond its snapshot (a metric: compaction keeps it short). */
  logRows(document: Y.Doc): number {
    return this.docs.get(document)?.contained.size ?? 0;
  }

  /** Whether the board waits for changes missing from its log (a metric; see logGap). */
  hasGap(document: Y.Doc): boolean {
    return Boolean(this.docs.get(document)?.gap);
  }

  /** Whether the board's latest saves failed (its clients are shown "saving delayed"). */
  isSavingDelayed(document: Y.Doc): boolean {
    return Boolean(this.docs.get(document)?.retry);
  }

  /** Snapshot + delete contained rows; true when stored. Never rejects. */
  private async compact(document: Document, documentName: string, state: DocState): Promise<boolean> {
    state.compacting = true;
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
        if (catchUps === MAX_CATCH_UPS)
          throw new Error(`another instance kept compacting it (${MAX_CATCH_UPS} catch-ups)`);
        await this.catchUp(document, state);
      }
    } catch (error) {
      this.saveFailed(document, documentName, state, 'store', error);
      return false;
    } finally {
      state.compacting = false;
    }
    if (state.retry) this.recovered(document, documentName, state);
    return true;
  }

  /**
   * Another instance wrote a snapshot since this document last read or wrote one: merge the
   * stored snapshot and log into the document (Yjs merges are idempotent and commutative), so
   * that the next snapshot contains it and the rows read can be deleted.
   */
  private async catchUp(document: Document, state: DocState): Promise<void> {
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
   * Logs what a transaction chain integrated as one row: a client's change with the repairs made
   * while it was applied, or a server change. A client's goes at the end of the event-loop turn
   * with the turn's other client updates; a server change at once.
   */
  private logChain(document: Document, documentName: string, state: DocState, origin: unknown): void {
    if (state.chain.length === 0) return;
    const updates = state.chain;
    state.chain = [];
    this.queueAppend(document, documentName, state, updates, isConnectionOrigin(origin) ? 'end-of-turn' : 'now');
  }

  /**
   * Queues updates the document already contains for the board's next row; `state.queued`
   * resolves once it is written (or its failure handled, as `append`).
   *
   * One board's rows are written one at a time, in the order their updates were applied: a row
   * is written only after the one before it is stored, so a later change (a repair, a restore)
   * never reaches the log without an earlier one it builds on, even if the process dies between
   * the two. Updates that arrive meanwhile are merged into the next row (group commit).
   *
   * `end-of-turn` (a client's update): waits for the end of this event-loop turn (setImmediate),
   * so the messages of every connection read in the turn make one row: one write per turn
   * instead of one per message. A connection's next message does not wait for the row (only
   * its acknowledgement does), and broadcasts are not delayed: the update is applied before it
   * is logged. `now` (a server change): written at once when no row of the board is being
   * written, as before batching.
   */
  private queueAppend(
    document: Document,
    documentName: string,
    state: DocState,
    updates: readonly Uint8Array[],
    when: 'end-of-turn' | 'now',
  ): void {
    let batch = this.batches.get(document);
    if (!batch) {
      let done!: () => void;
      const logged = new Promise<void>((resolve) => (done = resolve));
      batch = { documentName, state, updates: [], logged, done };
      this.batches.set(document, batch);
      state.queued = logged;
    }
    batch.updates.push(...updates);
    if (when === 'now' && !state.writing) this.writeBatch(document);
    else this.scheduleFlush();
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
    const { documentName, state, updates, logged, done } = batch;
    state.writing = true;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    void this.append(document, documentName, state, update, 'log an update to').then(() => {
      state.writing = false;
      if (state.queued === logged) state.queued = null;
      done();
      if (this.batches.has(document)) this.scheduleFlush();
    });
  }

  /** Appends an update the document already contains. Never rejects. */
  private async append(
    document: Document,
    documentName: string,
    state: DocState,
    update: Uint8Array,
    what: string,
  ): Promise<void> {
    try {
      state.contained.add(await state.storage.append(update, Date.now()));
    } catch (error) {
      // Not rethrown: the update is applied and kept in memory; a full save is retried.
      this.saveFailed(document, documentName, state, what, error);
    }
  }

  private saveFailed(document: Document, documentName: string, state: DocState, what: string, error: unknown): void {
    log.error(
      { board: documentName, err: errorText(error) },
      `could not ${what} the board; it stays in memory and saving is retried`,
    );
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

/**
 * Hocuspocus applies a client's update with `{ source: 'connection', connection }` as origin, and
 * one relayed by another instance with `{ source: 'redis' }`: both are logged with the turn's row.
 */
function isConnectionOrigin(origin: unknown): boolean {
  const source = typeof origin === 'object' && origin !== null ? (origin as { source?: unknown }).source : null;
  return source === 'connection' || source === 'redis';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
