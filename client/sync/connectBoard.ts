import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import {
  BoardFull,
  BoardNotFound,
  BoardTooLarge,
  BoardUnreadable,
  COLLAB_PATH,
  encodeConnectionToken,
  AwaitingAdmission,
  IdentityRequired,
  InvalidMessage,
  RemovedFromBoard,
  LinkRotated,
  MessageTooBig,
  RateLimited,
  StorageUnavailable,
  TooManyRecords,
  Unauthorized,
  CHECKPOINTS_CHANGED,
  parseStorageStatus,
  readMeta,
} from '../../shared/index.ts';
import { ConnectionStore } from './connection.ts';
import { forgetCredential } from '../identity/credential.ts';
import { PendingChanges } from './pendingChanges.ts';
import { attachFailover, serverUrls } from './serverFailover.ts';
import { afterFirstRender, DeferredStore } from './deferredStore.ts';
import { skipUpdateEncoding } from './firstSyncEncoding.ts';
import { takePrefetchedBoard } from '../boot/prefetchBoard.ts';

/**
 * The only importer of the Hocuspocus provider. Owns the Y.Doc of one board and its connection;
 * edits made while disconnected stay in the doc and are sent when the socket returns. The doc is
 * also kept in IndexedDB (y-indexeddb, one database per board), so edits made offline survive a
 * closed tab or a reload and are sent when the server is reachable again.
 */
export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly awareness: HocuspocusProvider['awareness'];
  readonly status: ConnectionStore;
  /**
   * Resolves when the board can be shown: on the first full sync with the server, or earlier
   * when this device has a local copy of it (offline, or while the server is down).
   */
  readonly synced: Promise<void>;
  /** Calls `listener` when the board's checkpoint list changed on the server (History panel). */
  onCheckpointsChanged(listener: () => void): () => void;
  /** Calls `listener` with each notice the server sends this connection (a repaired change, …). */
  onNotice(listener: (notice: ServerNotice) => void): () => void;
  /**
   * Feature channels (voting, workshop controls, …) over Hocuspocus stateless messages: every
   * stateless payload the server sends reaches `listener` as parsed JSON (unparseable ones are
   * dropped); each feature checks the `type` it owns with its own schema.
   */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Sends one JSON message to the server on this board's connection (dropped while offline). */
  send(message: { readonly type: string }): void;
  /**
   * Re-runs the sync handshake, so the server receives whatever it refused earlier (changes made
   * while this connection was read-only, e.g. during a board lock) once it may write again.
   */
  resync(): void;
  destroy(): void;
}

/** A stateless message from the server meant for the person (see server/extensions/RecordGuard.ts). */
export interface ServerNotice {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
}

/** Reasons that arrive as a server-side close of this document's connection, not as a refusal. */
const FINAL_CLOSE_REASONS: readonly string[] = [
  LinkRotated.reason,
  RemovedFromBoard.reason,
  BoardTooLarge.reason,
  RateLimited.reason,
  InvalidMessage.reason,
  'forbidden-message',
];

/** The origin of the board state the page downloaded before connecting (boot/prefetchBoard.ts). */
const PREFETCHED = Symbol('prefetched board');

/** False when the download is not a board state after all: the sync then brings the whole board. */
function applyPrefetched(doc: Y.Doc, state: Uint8Array): boolean {
  const start = performance.now();
  try {
    Y.applyUpdateV2(doc, state, PREFETCHED);
    return true;
  } catch {
    return false;
  } finally {
    // In DevTools' timings and the big-board benchmark: the largest piece of a big board's opening.
    performance.measure('journeyboard:apply-download', { start });
  }
}

export function collabUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/** The server's reason codes, in words a workshop participant understands. */
export function describeRefusal(reason: string): string {
  switch (reason) {
    case BoardNotFound.reason:
      return 'board-not-found';
    case BoardUnreadable.reason:
      return 'This board’s stored data cannot be read. Nothing was changed; ask the person who runs the server to look at it.';
    case StorageUnavailable.reason:
      return 'The server cannot reach its storage right now. Try again in a minute.';
    case MessageTooBig.reason:
      return 'Your last change was too large to sync, so the connection stopped. Reload the page; changes since the last sync may be lost.';
    case Unauthorized.reason:
      return 'unauthorized';
    case AwaitingAdmission.reason:
      return 'awaiting-admission';
    case RemovedFromBoard.reason:
      return 'The facilitator removed you from this board.';
    case IdentityRequired.reason:
      return 'This device’s identity is no longer accepted (the facilitator removed it, or the server was reset). Reload the page to join again.';
    case LinkRotated.reason:
      return 'The facilitator replaced the link you joined with, so it no longer works. Ask them for the new link.';
    case BoardFull.reason:
      return 'This board has as many people as it can take right now. Try again in a few minutes.';
    case BoardTooLarge.reason:
      return 'This board has reached its maximum size, so your last change was not saved. Remove some notes, then reload.';
    case TooManyRecords.reason:
      return 'This board holds as many notes as it can; remove some before adding more.';
    case RateLimited.reason:
      return 'Too many changes or attempts came from here too quickly, so the server paused this connection. Wait a minute, then reload the page.';
    case InvalidMessage.reason:
    case 'forbidden-message':
      return 'The server could not accept a message from this page. Reload the page to continue.';
    default:
      return reason || 'The server refused the connection.';
  }
}

export function connectBoard(
  boardId: string,
  token?: string,
  credential: string | null = null,
  name?: string,
): BoardConnection {
  const doc = new Y.Doc();
  const status = new ConnectionStore();
  let socketStatus: WebSocketStatus = WebSocketStatus.Connecting;
  let everConnected = false;
  let refused = false;
  let resolveSynced!: () => void;
  const synced = new Promise<void>((r) => (resolveSynced = r));

  let destroyed = false;
  const pending = new PendingChanges(boardId, doc);
  let savingDelayed = false;

  // The local copy: loads into the doc (a remote-origin update, so nobody's undo sees it) and
  // stores every change from then on, local or remote. When it opens, y-indexeddb also stores the
  // whole doc as it is then. So when the board was downloaded before the app ran, the copy opens
  // after the first render (or at the first edit): opening it earlier would encode the whole
  // board on the way to that render, and the deferred store below would encode it again.
  let local: IndexeddbPersistence | null = null;
  let localStore: DeferredStore | null = null;
  let cancelLocalLater = () => {};
  const openLocal = () => {
    if (local || destroyed) return;
    cancelLocalLater();
    local = new IndexeddbPersistence(`journeyboard:${boardId}`, doc);
    localStore = new DeferredStore(local);
    void local.whenSynced.then(() => {
      if (readMeta(doc).boardId === boardId) resolveSynced();
    });
  };
  const prefetched = takePrefetchedBoard(boardId);
  // Changes the server never acknowledged are in the local copy only: show them at once.
  if (!prefetched || pending.count > 0) openLocal();
  const stopOpeningOnEdit = pending.subscribe(() => {
    if (pending.count > 0) openLocal();
  });

  // One URL, or several instances of the server (`?servers=`, see serverFailover.ts). The socket
  // opens once the board downloaded by the page's first script is in the doc (or failed), so
  // that the sync asks only for what changed since.
  const urls = serverUrls(window.location, collabUrl(), boardId);
  const socket = new HocuspocusProviderWebsocket({ url: urls[0]!, autoConnect: false });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: boardId,
    document: doc,
    token: encodeConnectionToken({ link: token ?? '', credential, name }),
  });
  provider.attach();
  const failover = attachFailover(socket, urls);

  // The first sync brings the whole board: it goes into the local copy in one piece later
  // (deferredStore.ts), not re-encoded on the way to the first render (firstSyncEncoding.ts).
  let firstSync = true;
  const stopSkipping = skipUpdateEncoding(
    doc,
    (t) => firstSync && (t.origin === provider || t.origin === PREFETCHED),
    () => localStore?.request(),
  );

  const open = () => {
    if (!destroyed && !refused) void socket.connect();
  };
  if (!prefetched) open();
  else
    void prefetched
      .then((state) => {
        if (destroyed) return;
        if (!state || !applyPrefetched(doc, state)) {
          openLocal(); // offline, say: the local copy is what there is
          return;
        }
        if (local === null) cancelLocalLater = afterFirstRender(openLocal);
        if (readMeta(doc).boardId === boardId) resolveSynced();
      })
      .finally(open);

  const update = () => {
    if (refused) return;
    const unsynced = provider.hasUnsyncedChanges;
    const live = socketStatus === WebSocketStatus.Connected && provider.isSynced;
    // Everything acknowledged (and so stored: the server logs before it acks): nothing waits.
    if (live && !unsynced) pending.clear();
    if (live) status.set({ kind: 'connected', saving: unsynced, savingDelayed });
    else if (!navigator.onLine) status.set({ kind: 'offline', pending: pending.count });
    else if (everConnected) status.set({ kind: 'reconnecting', pending: pending.count });
    else status.set({ kind: 'connecting', pending: pending.count });
  };

  provider.on('status', ({ status: s }: { status: WebSocketStatus }) => {
    socketStatus = s;
    if (s === WebSocketStatus.Connected) everConnected = true;
    update();
  });
  provider.on('synced', ({ state }: { state: boolean }) => {
    if (state) {
      firstSync = false;
      resolveSynced();
    }
    update();
  });
  provider.on('unsyncedChanges', update);
  // A refusal is final: stop the provider, or it would retry (and be refused) forever.
  const refuse = (reason: string) => {
    refused = true;
    // The next page load asks for a new identity instead of being refused again.
    if (reason === IdentityRequired.reason) forgetCredential();
    status.set({ kind: 'refused', reason: describeRefusal(reason) });
    provider.destroy();
    socket.destroy();
  };
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
  provider.on('close', ({ event }: { event: CloseEvent }) => {
    if (event.code === MessageTooBig.code) refuse(MessageTooBig.reason);
    else if (FINAL_CLOSE_REASONS.includes(event.reason)) refuse(event.reason);
  });
  pending.subscribe(update);
  const noticeListeners = new Set<(notice: ServerNotice) => void>();
  const checkpointListeners = new Set<() => void>();
  const messageListeners = new Set<(message: unknown) => void>();
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const storage = parseStorageStatus(payload);
    if (storage) {
      savingDelayed = storage.state === 'delayed';
      update();
      return;
    }
    if (payload === CHECKPOINTS_CHANGED) {
      checkpointListeners.forEach((l) => l());
      return;
    }
    const notice = parseNotice(payload);
    if (notice) noticeListeners.forEach((l) => l(notice));
    if (messageListeners.size === 0) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    messageListeners.forEach((l) => l(message));
  });
  // A lost network often leaves the WebSocket half-open until a timeout: when the browser says
  // it is offline, stop using the socket at once (edits wait in the doc and IndexedDB), and
  // reconnect as soon as it says it is back.
  const goneOffline = () => {
    socket.disconnect();
    update();
  };
  const backOnline = () => {
    if (refused) return;
    void socket.connect();
    update();
  };
  window.addEventListener('online', backOnline);
  window.addEventListener('offline', goneOffline);

  return {
    doc,
    awareness: provider.awareness,
    status,
    synced,
    onCheckpointsChanged(listener) {
      checkpointListeners.add(listener);
      return () => checkpointListeners.delete(listener);
    },
    onNotice(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    send(message) {
      if (!refused) provider.sendStateless(JSON.stringify(message));
    },
    resync() {
      if (!refused && socketStatus === WebSocketStatus.Connected) provider.forceSync();
    },
    destroy() {
      window.removeEventListener('online', backOnline);
      window.removeEventListener('offline', goneOffline);
      destroyed = true;
      cancelLocalLater();
      stopOpeningOnEdit();
      failover.detach();
      stopSkipping();
      localStore?.close();
      provider.destroy();
      socket.destroy();
      pending.destroy();
      void local?.destroy(); // closes the database; the copy stays for next time
      doc.destroy();
    },
  };
}

function parseNotice(payload: string): ServerNotice | null {
  try {
    const n = JSON.parse(payload) as Partial<ServerNotice>;
    return n.type === 'journeyboard:repaired' && typeof n.message === 'string'
      ? { type: n.type, reason: String(n.reason), message: n.message }
      : null;
  } catch {
    return null;
  }
}
