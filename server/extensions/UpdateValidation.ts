import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { InvalidMessage } from '../../shared/protocol/closeReasons.ts';
import { documentUpdateOrThrow } from '../persistence/syncMessages.ts';

/**
 * Refuses a document update whose bytes do not decode as a Yjs update (random bytes, a truncated
 * or bit-flipped update), before anything else sees it: the connection is closed with
 * `invalid-message`. Yjs would throw on it too, but y-protocols swallows the error (Hocuspocus
 * then acknowledges the message and keeps the connection), after whatever part of it did
 * integrate was applied and logged; an update that does not decode once made the board
 * unreadable on its next load (found by server/fuzz.test.ts). Decoding is linear in the update's size and skips no content.
 */
export class UpdateValidation implements Extension {
  extensionName = 'UpdateValidation';
  // After the rate limit (300), before the size limit (250) and the update log (150).
  priority = 280;

  async beforeHandleMessage({ update: message }: beforeHandleMessagePayload): Promise<void> {
    const update = documentUpdateOf(message);
    if (!update) return;
    try {
      Y.decodeUpdate(update);
    } catch {
      throw InvalidMessage;
    }
  }
}

/**
 * The Yjs update in a sync-step-2 or update message, Sync or SyncReply (Hocuspocus applies
 * both); null for any other message. Throws InvalidMessage on a broken header.
 */
export function documentUpdateOf(message: Uint8Array): Uint8Array | null {
  return documentUpdateOrThrow(message, InvalidMessage);
}
