import type { Connection } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';

/*
 * The one place Journeyboard relies on Hocuspocus internals (4.7), so that the update log needs
 * no second apply of each client update. Hocuspocus has no hook between applying an update and
 * acknowledging it: MessageReceiver.readSyncMessage applies a sync-step-2 or update message
 * (origin `{ source: 'connection', connection }`) and at once calls `connection.send` with a
 * SyncStatus message (address, MessageType.SyncStatus = 8, 1). The provider counts these as its
 * "saved" acknowledgements. Wrapping that connection's `send` lets Persistence hold each
 * SyncStatus until the log rows written so far are stored. heldAcks.test.ts fails if Hocuspocus
 * stops sending the acknowledgement this way (a changed path or format would let it through
 * early).
 */

/** MessageType.SyncStatus of @hocuspocus/server 4 (not exported by the package). */
const MESSAGE_SYNC_STATUS = 8;

const holding = new WeakSet<Connection>();

/**
 * From now on, every SyncStatus acknowledgement Hocuspocus sends on `connection` waits for the
 * promise `stored()` returns at that moment (null: nothing to wait for), and acknowledgements
 * leave in the order Hocuspocus sent them. Every other message goes out at once, as before.
 * Calling it again for the same connection does nothing.
 */
export function holdAcknowledgements(connection: Connection, stored: () => Promise<void> | null): void {
  if (holding.has(connection)) return;
  holding.add(connection);
  const send = connection.send.bind(connection);
  const prefix = syncStatusPrefix(connection.messageAddress);
  let last: Promise<void> = Promise.resolve();
  let held = 0;
  connection.send = (message: Uint8Array): void => {
    if (!isSyncStatus(message, prefix)) {
      send(message);
      return;
    }
    const written = stored();
    if (!written && held === 0) {
      send(message);
      return;
    }
    held++;
    const before = last;
    last = (async () => {
      await before;
      await written;
      held--;
      send(message); // Connection.send closes the connection if the socket went away meanwhile
    })();
  };
}

/** The bytes of a SyncStatus message to `address` without its final flag (saved 1 / refused 0). */
function syncStatusPrefix(address: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, MESSAGE_SYNC_STATUS);
  return encoding.toUint8Array(encoder);
}

function isSyncStatus(message: Uint8Array, prefix: Uint8Array): boolean {
  if (message.length !== prefix.length + 1 || message[prefix.length]! > 1) return false;
  for (let i = 0; i < prefix.length; i++) if (message[i] !== prefix[i]) return false;
  return true;
}
