import { HocuspocusProvider, HocuspocusProviderWebsocket, type WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { COLLAB_PATH, encodeConnectionToken, IdentityRequired, MessageTooBig, readMeta } from '../../shared/index.ts';
import { ConnectionStore } from './connection.ts';
import { ConnectionStatus, FINAL_CLOSE_REASONS, REVOKED_REASONS } from './connectionStatus.ts';
import { forgetCredential } from '../identity/credential.ts';
import { LocalCopy } from './localCopy.ts';
import { PendingChanges } from './pendingChanges.ts';
import { attachFailover, serverUrls } from './serverFailover.ts';
import { ServerMessages, type ServerNotice } from './serverMessages.ts';
import { skipUpdateEncoding } from './firstSyncEncoding.ts';
import { takePrefetchedBoard } from '../boot/prefetchBoard.ts';
import { hasLocalCopy } from '../boot/localCopyMark.ts';

/**
 * The only place that creates a Hocuspocus provider for a board (connectComments.ts does for its
 * comments). Owns the Y.Doc of one board and its connection; edits made while disconnected stay
 * in the doc and are sent when the socket returns. The doc is also kept on this device
 * (localCopy.ts), so edits made offline survive a closed tab or a reload and are sent when the
 * server is reachable again. The status the page shows is connectionStatus.ts's; the server's
 * stateless messages go where serverMessages.ts sends them.
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

/** The origin of the board state the page downloaded before connecting (boot/prefetchBoard.ts). */
const PREFETCHED = Symbol('prefetched board');

/** Past this a return visit connects without waiting for the local copy (IndexedDB is stuck). */
const LOCAL_COPY_WAIT_MS = 5_000;

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

export function connectBoard(
  boardId: string,
  token?: string,
  credential: string | null = null,
  name?: string,
): BoardConnection {
  const doc = new Y.Doc();
  const status = new ConnectionStore();
  let resolveSynced!: () => void;
  const synced = new Promise<void>((r) => (resolveSynced = r));
  let destroyed = false;
  const pending = new PendingChanges(boardId, doc);

  // Set once the local copy brought the board: the server then sends only what changed since.
  let fromCopy = false;
  const local = new LocalCopy(boardId, doc, () => {
    fromCopy = true;
    resolveSynced();
  });
  const prefetched = takePrefetchedBoard(boardId);
  // A return visit (no download started, localCopyMark.ts): the board comes from this device.
  const returnVisit = !prefetched && hasLocalCopy(boardId);
  // Changes the server never acknowledged are in the local copy only: show them at once.
  if (!prefetched || pending.count > 0) local.open();
  const stopOpeningOnEdit = pending.subscribe(() => {
    if (pending.count > 0) local.open();
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
  const tracker = new ConnectionStatus(status, provider, pending);

  // The first sync brings the whole board, unless the local copy did: it goes into the local
  // copy in one piece later (deferredStore.ts), not re-encoded on the way to the first render
  // (firstSyncEncoding.ts). Nor is the local copy's own loading encoded, while the socket has not
  // opened: the provider would queue it all for the server, and the sync handshake sends the
  // server whatever it lacks anyway.
  let firstSync = true;
  let connecting = false;
  const stopSkipping = skipUpdateEncoding(
    doc,
    (t) =>
      (local.isLoading(t.origin) && !connecting) ||
      (firstSync && !fromCopy && (t.origin === provider || t.origin === PREFETCHED)),
    (t) => {
      if (!local.isLoading(t.origin)) local.requestStore();
    },
  );

  const open = () => {
    connecting = true;
    if (!destroyed && !tracker.refused) void socket.connect();
  };
  // On a return visit the socket waits for the local copy, so that its sync step 1 carries the
  // copy's state vector and the server answers with the difference only.
  if (returnVisit) void local.whenLoaded(LOCAL_COPY_WAIT_MS).then(open);
  else if (!prefetched) open();
  else
    void prefetched
      .then((state) => {
        if (destroyed) return;
        if (!state || !applyPrefetched(doc, state)) {
          local.open(); // offline, say: the local copy is what there is
          return;
        }
        local.openAfterFirstRender();
        if (readMeta(doc).boardId === boardId) resolveSynced();
      })
      .finally(open);

  provider.on('status', ({ status: s }: { status: WebSocketStatus }) => tracker.socketChanged(s));
  provider.on('synced', ({ state }: { state: boolean }) => {
    if (state) {
      firstSync = false;
      resolveSynced();
    }
    tracker.update();
  });
  provider.on('unsyncedChanges', tracker.update);
  // A refusal is final: stop the provider, or it would retry (and be refused) forever.
  const refuse = (reason: string) => {
    // The next page load asks for a new identity instead of being refused again.
    if (reason === IdentityRequired.reason) forgetCredential();
    // Access taken away: the board must not open from this device's copy next time either, and
    // edits still waiting here can never be accepted.
    if (REVOKED_REASONS.includes(reason)) {
      pending.clear();
      void local.forget();
    }
    tracker.refuse(reason);
    provider.destroy();
    socket.destroy();
  };
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
  provider.on('close', ({ event }: { event: CloseEvent }) => {
    if (event.code === MessageTooBig.code) refuse(MessageTooBig.reason);
    else if (FINAL_CLOSE_REASONS.includes(event.reason)) refuse(event.reason);
  });
  pending.subscribe(tracker.update);
  const messages = new ServerMessages((delayed) => tracker.storageChanged(delayed));
  provider.on('stateless', ({ payload }: { payload: string }) => messages.dispatch(payload));
  // A lost network often leaves the WebSocket half-open until a timeout: when the browser says
  // it is offline, stop using the socket at once (edits wait in the doc and IndexedDB), and
  // reconnect as soon as it says it is back.
  const goneOffline = () => {
    socket.disconnect();
    tracker.update();
  };
  const backOnline = () => {
    if (tracker.refused) return;
    connecting = true;
    void socket.connect();
    tracker.update();
  };
  window.addEventListener('online', backOnline);
  window.addEventListener('offline', goneOffline);

  return {
    doc,
    awareness: provider.awareness,
    status,
    synced,
    onCheckpointsChanged: (listener) => messages.onCheckpointsChanged(listener),
    onNotice: (listener) => messages.onNotice(listener),
    onMessage: (listener) => messages.onMessage(listener),
    send(message) {
      if (!tracker.refused) provider.sendStateless(JSON.stringify(message));
    },
    resync() {
      if (!tracker.refused && tracker.connected) provider.forceSync();
    },
    destroy() {
      window.removeEventListener('online', backOnline);
      window.removeEventListener('offline', goneOffline);
      destroyed = true;
      local.stopOpening();
      stopOpeningOnEdit();
      failover.detach();
      stopSkipping();
      provider.destroy();
      socket.destroy();
      pending.destroy();
      local.close(); // the copy stays for next time
      doc.destroy();
    },
  };
}
