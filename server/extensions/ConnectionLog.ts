import type { connectedPayload, Extension, onDisconnectPayload } from '@hocuspocus/server';
import type { AccessContext } from '../access/AccessContext.ts';
import { log } from '../observability/log.ts';

/**
 * One log line when a connection to a board opens and one when it closes, with the board id, the
 * connection id (Hocuspocus's socket id, also on every other line about that connection) and the
 * role; never the token it came with.
 */
export class ConnectionLog implements Extension {
  extensionName = 'ConnectionLog';

  async connected({ documentName, socketId, context, connection }: connectedPayload): Promise<void> {
    const role = (context as Partial<AccessContext> | undefined)?.role;
    log.info({ board: documentName, conn: socketId, role, readOnly: connection.readOnly }, 'connection opened');
  }

  async onDisconnect({ documentName, socketId, clientsCount }: onDisconnectPayload): Promise<void> {
    log.info({ board: documentName, conn: socketId, left: clientsCount }, 'connection closed');
  }
}
