import * as decoding from 'lib0/decoding';

// y-protocols / Hocuspocus message numbers (MessageType.Sync, SyncReply; sync step 2, update).
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update a raw Hocuspocus message would apply (sync step 2 or update), or null for any
 * other message (awareness, auth, step 1, stateless) or one that does not decode (Hocuspocus
 * itself then refuses it).
 */
export function documentUpdateIn(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // document address
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}
