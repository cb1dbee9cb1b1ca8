import type { Duplex } from 'node:stream';
import type { Extension, onUpgradePayload } from '@hocuspocus/server';
import { COLLAB_PATH } from '../../shared/protocol/http.ts';
import { answeredHere } from './hookControl.ts';

/**
 * One port serves the client, the API and the WebSocket: only `/collab` is upgraded to a
 * Hocuspocus connection (the document name travels inside each message, not in the URL).
 * Any other upgrade request gets a plain 404.
 *
 * It also remembers the upgraded sockets, because Hocuspocus's `destroy()` detaches the
 * documents but leaves the sockets open, and `http.Server.closeAllConnections()` no longer
 * tracks a socket once it is upgraded.
 */
export class CollabUpgrade implements Extension {
  extensionName = 'CollabUpgrade';
  private readonly sockets = new Set<Duplex>();

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    const s = socket as Duplex;
    if (pathnameOf(request.url) !== COLLAB_PATH) {
      s.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return answeredHere();
    }
    this.sockets.add(s);
    s.once('close', () => this.sockets.delete(s));
  }

  /** Ends every WebSocket still open; for shutdown, after Hocuspocus has stored the documents. */
  closeSockets(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
}

function pathnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}
