import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { BoardNotFound, BoardUnreadable, COLLAB_PATH, MessageTooBig, StorageUnavailable } from '../../shared/index.ts';
import { ConnectionStore } from './connection.ts';

/**
 * The only importer of the Hocuspocus provider. Owns the Y.Doc of one board and its connection;
 * edits made while disconnected stay in the doc and are sent when the socket returns.
 */
export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly awareness: HocuspocusProvider['awareness'];
  readonly status: ConnectionStore;
  /** Resolves on the first full sync with the server. */
  readonly synced: Promise<void>;
  destroy(): void;
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
    default:
      return reason || 'The server refused the connection.';
  }
}

export function connectBoard(boardId: string, token?: string): BoardConnection {
  const doc = new Y.Doc();
  const status = new ConnectionStore();
  let socket: WebSocketStatus = WebSocketStatus.Connecting;
  let everConnected = false;
  let refused = false;
  let resolveSynced!: () => void;
  const synced = new Promise<void>((r) => (resolveSynced = r));

  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name: boardId,
    document: doc,
    token: token ?? 'anonymous',
  });

  const update = () => {
    if (refused) return;
    const pending = provider.hasUnsyncedChanges;
    if (socket === WebSocketStatus.Connected && provider.isSynced) status.set({ kind: 'connected', saving: pending });
    else if (!navigator.onLine) status.set({ kind: 'offline', pending });
    else if (everConnected) status.set({ kind: 'reconnecting', pending });
    else status.set({ kind: 'connecting' });
  };

  provider.on('status', ({ status: s }: { status: WebSocketStatus }) => {
    socket = s;
    if (s === WebSocketStatus.Connected) everConnected = true;
    update();
  });
  provider.on('synced', ({ state }: { state: boolean }) => {
    if (state) resolveSynced();
    update();
  });
  provider.on('unsyncedChanges', update);
  // A refusal is final: stop the provider, or it would retry (and be refused) forever.
  const refuse = (reason: string) => {
    refused = true;
    status.set({ kind: 'refused', reason: describeRefusal(reason) });
    provider.destroy();
  };
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
  provider.on('close', ({ event }: { event: CloseEvent }) => {
    if (event.code === MessageTooBig.code) refuse(MessageTooBig.reason);
  });
  window.addEventListener('online', update);
  window.addEventListener('offline', update);

  return {
    doc,
    awareness: provider.awareness,
    status,
    synced,
    destroy() {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      provider.destroy();
      doc.destroy();
    },
  };
}
