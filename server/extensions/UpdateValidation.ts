import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { InvalidMessage } from '../../shared/protocol/closeReasons.ts';
import { documentUpdateOrThrow } from '../persistence/syncMessages.ts';
import { MAX_VALUE_DEPTH } from '../../shared/schema/valueDepth.ts';
import { updateNestsDeeperThan } from './updateNesting.ts';

// A record field's value sits one level below its record (records → record → value); meta
// values one level higher get the same room, and RecordGuard trims them to MAX_VALUE_DEPTH.
const MAX_UPDATE_NESTING = MAX_VALUE_DEPTH + 1;

/**
 * Refuses a document update whose bytes do not decode as a Yjs update (random bytes, a truncated
 * or bit-flipped update), before anything else sees it: the connection is closed with
 * `invalid-message`. Yjs would throw on it too, but y-protocols swallows the error (Hocuspocus
 * then acknowledges the message and keeps the connection), after whatever part of it did
 * integrate was applied and logged; an update that does not decode once made the board
 * unreadable on its next load (found by server/fuzz.test.ts). Decoding is linear in the update's size and skips no content.
 *
 * It also refuses an update that nests anything deeper than a record field may hold
 * (MAX_VALUE_DEPTH below the record; see updateNesting.ts for why this cannot wait until after).
 */
export class UpdateValidation implements Extension {
  extensionName = 'UpdateValidation';

  async beforeHandleMessage({ update: message, document }: beforeHandleMessagePayload): Promise<void> {
    const update = documentUpdateOf(message);
    if (!update) return;
    let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
    try {
      structs = Y.decodeUpdate(update).structs;
    } catch {
      throw InvalidMessage;
    }
    if (updateNestsDeeperThan(document, structs, MAX_UPDATE_NESTING)) throw InvalidMessage;
  }
}

/**
 * The Yjs update in a sync-step-2 or update message, Sync or SyncReply (Hocuspocus applies
 * both); null for any other message. Throws InvalidMessage on a broken header.
 */
export function documentUpdateOf(message: Uint8Array): Uint8Array | null {
  return documentUpdateOrThrow(message, InvalidMessage);
}
