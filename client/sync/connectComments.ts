import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { COMMENTS_SUFFIX, encodeConnectionToken } from '../../shared/index.ts';
import { collabUrl } from './connectBoard.ts';
import { describeRefusal } from './connectionStatus.ts';
import type { ServerNotice } from './serverMessages.ts';

/**
 * The second document of a board: its comments (`<boardId>/comments`). Next to
 * connectBoard.ts, the other importer of the Hocuspocus provider. Its own provider, so the server
 * decides access to it on its own (a commenter writes here but not on the board). Kept in
 * IndexedDB like the board, so comments written offline are sent when the server is back.
 */
export interface CommentsConnection {
  readonly doc: Y.Doc;
  /** Resolves on the first sync with the server (or with the local copy). */
  readonly synced: Promise<void>;
  /** Whether the socket is up and synced now. */
  connected(): boolean;
  /** Called on each (re)connection once synced, so a visit can be announced. */
  onConnected(listener: () => void): () => void;
  /** Every stateless payload from the server, parsed (unparseable ones are dropped). */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Notices about a repaired change (a comment cut to the length limit …). */
  onNotice(listener: (notice: ServerNotice) => void): () => void;
  /** A final refusal or close, in words; null while fine. */
  refusal(): string | null;
  send(message: { readonly type: string }): void;
  destroy(): void;
}

export function connectComments(boardId: string, token?: string, credential: string | null = null): CommentsConnection {
  const name = `${boardId}${COMMENTS_SUFFIX}`;
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`journeyboard:${name}`, doc);
  let resolveSynced!: () => void;
  const synced = new Promise<void>((r) => (resolveSynced = r));
  void local.whenSynced.then(() => {
    if (doc.getMap('meta').get('boardId') === boardId) resolveSynced();
  });
  let refused: string | null = null;
  let socket: WebSocketStatus = WebSocketStatus.Connecting;
  const connectedListeners = new Set<() => void>();
  const messageListeners = new Set<(m: unknown) => void>();
  const noticeListeners = new Set<(n: ServerNotice) => void>();

  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name,
    document: doc,
    token: encodeConnectionToken({ link: token ?? '', credential }),
  });
  provider.on('status', ({ status }: { status: WebSocketStatus }) => (socket = status));
  provider.on('synced', ({ state }: { state: boolean }) => {
    if (!state) return;
    resolveSynced();
    connectedListeners.forEach((l) => l());
  });
  const refuse = (reason: string) => {
    refused = describeRefusal(reason);
    provider.destroy();
  };
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
  provider.on('close', ({ event }: { event: CloseEvent }) => {
    if (
      [
        'link-rotated',
        'removed-from-board',
        'rate-limited',
        'board-too-large',
        'invalid-message',
        'forbidden-message',
      ].includes(event.reason)
    )
      refuse(event.reason);
  });
  provider.on('stateless', ({ payload }: { payload: string }) => {
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    const n = message as Partial<ServerNotice>;
    if (n?.type === 'journeyboard:repaired' && typeof n.message === 'string')
      noticeListeners.forEach((l) => l({ type: n.type!, reason: String(n.reason), message: n.message! }));
    messageListeners.forEach((l) => l(message));
  });
  const backOnline = () => void provider.connect();
  const goneOffline = () => provider.disconnect();
  window.addEventListener('online', backOnline);
  window.addEventListener('offline', goneOffline);

  const listen = <T>(set: Set<T>, l: T) => {
    set.add(l);
    return () => void set.delete(l);
  };
  return {
    doc,
    synced,
    connected: () => socket === WebSocketStatus.Connected && provider.isSynced,
    onConnected: (l) => listen(connectedListeners, l),
    onMessage: (l) => listen(messageListeners, l),
    onNotice: (l) => listen(noticeListeners, l),
    refusal: () => refused,
    send(message) {
      if (!refused) provider.sendStateless(JSON.stringify(message));
    },
    destroy() {
      window.removeEventListener('online', backOnline);
      window.removeEventListener('offline', goneOffline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
