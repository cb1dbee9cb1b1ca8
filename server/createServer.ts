import { Server, type Hocuspocus } from '@hocuspocus/server';
import { COLLAB_PATH } from '../shared/protocol/http.ts';
import { publicUrl, type ServerConfig } from './config.ts';
import { BoardAccess } from './extensions/BoardAccess.ts';
import { CollabUpgrade } from './extensions/CollabUpgrade.ts';
import { HttpRequests } from './extensions/HttpRequests.ts';
import { Persistence } from './extensions/Persistence.ts';
import { createRequestHandler } from './http/handleRequest.ts';
import type { BoardStore } from './storage/BoardStore.ts';
import { SqliteBoardStore } from './storage/SqliteBoardStore.ts';

/** A running Journeyboard server: HTTP, API and WebSocket on one port. */
export interface JourneyboardServer {
  /** The port actually bound (the OS's pick when config.port is 0). */
  readonly port: number;
  /** e.g. `http://localhost:1234`; `localhost` stands for a wildcard HOST. */
  readonly url: string;
  /** The provider URL, e.g. `ws://localhost:1234/collab`. */
  readonly wsUrl: string;
  readonly store: BoardStore;
  /** For tests and future server-side writers (vote reveals): the live documents. */
  readonly hocuspocus: Hocuspocus;
  /** Stores every loaded document, closes connections and the database. Safe to call twice. */
  close(): Promise<void>;
}

export interface CreateServerOptions {
  /** Defaults to SQLite under config.dataDir. */
  readonly store?: BoardStore;
}

// How long close() waits for Hocuspocus to store and unload every document. A document whose
// save keeps failing never unloads; its updates are in the log already, so we stop waiting.
const SHUTDOWN_WAIT_MS = 10_000;

/** Wiring only: the store, the extensions, one Hocuspocus Server; then listen. */
export async function createServer(config: ServerConfig, options: CreateServerOptions = {}): Promise<JourneyboardServer> {
  const store = options.store ?? SqliteBoardStore.open(config.dataDir);
  const collab = new CollabUpgrade();
  const server = new Server({
    // 0 must reach http.Server.listen as 0: Server.listen(port) ignores a falsy argument, so the
    // port goes in the configuration and listen() is called without one.
    port: config.port,
    address: config.host,
    quiet: true,
    stopOnSignals: false, // main.ts owns the signals: it stores boards, then closes the DB
    websocketOptions: { maxPayload: config.maxMessageBytes },
    extensions: [
      new BoardAccess({ store }),
      new Persistence({ store }),
      collab,
      new HttpRequests({ handle: createRequestHandler({ store, clientDir: config.clientDir, maxBodyBytes: config.maxBodyBytes }) }),
    ],
  });

  try {
    await listen(server);
  } catch (error) {
    await store.close();
    throw error;
  }

  const port = server.address.port;
  const url = publicUrl(config.host, port);
  let closing: Promise<void> | undefined;
  const close = async () => {
    const stored = await settlesWithin(server.destroy(), SHUTDOWN_WAIT_MS);
    if (!stored) {
      console.error(`[server] ${server.hocuspocus.getDocumentsCount()} board(s) not stored within ${SHUTDOWN_WAIT_MS} ms; their updates are in the log`);
    }
    collab.closeSockets();
    server.httpServer.closeAllConnections();
    await store.close();
  };

  return {
    port,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    store,
    hocuspocus: server.hocuspocus,
    close: () => (closing ??= close()),
  };
}

/** Server.listen() does not listen for 'error' (EADDRINUSE would be an uncaught exception). */
function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.listen().then(
      () => {
        server.httpServer.off('error', reject);
        resolve();
      },
      reject,
    );
  });
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      (error: unknown) => {
        clearTimeout(timer);
        console.error('[server] error while stopping Hocuspocus:', error);
        resolve(false);
      },
    );
  });
}
