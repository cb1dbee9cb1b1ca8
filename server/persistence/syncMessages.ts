import * as decoding from 'lib0/decoding';

// y-protocols / Hocuspocus message numbers (MessageType.Sync, SyncReply; sync step 2, update).
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A message's header that does not decode. */
const BROKEN = Symbol('broken header');

// Several extensions read the same message (UpdateValidation, DocumentSizeLimit, Persistence);
// Hocuspocus hands each of them the same bytes, so the header is read once per message.
const parsed = new WeakMap<Uint8Array, Uint8Array | null | typeof BROKEN>();

function parse(message: Uint8Array): Uint8Array | null | typeof BROKEN {
  let result = parsed.get(message);
  if (result !== undefined) return result;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // document address
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) result = null;
    else {
      const step = decoding.readVarUint(decoder);
      result = step === SYNC_STEP_2 || step === SYNC_UPDATE ? decoding.readVarUint8Array(decoder) : null;
    }
  } catch {
    result = BROKEN;
  }
  parsed.set(message, result);
  return result;
}

/**
 * The Yjs update a raw Hocuspocus message would apply (sync step 2 or update, in a Sync or a
 * SyncReply message: Hocuspocus applies both), or null for any other message (awareness, auth,
 * step 1, stateless) or one that does not decode (Hocuspocus itself then refuses it).
 */
export function documentUpdateIn(message: Uint8Array): Uint8Array | null {
  const result = parse(message);
  return result === BROKEN ? null : result;
}

/** As documentUpdateIn, but throws `broken` (an error to close the connection with) on a header that does not decode. */
export function documentUpdateOrThrow(message: Uint8Array, broken: unknown): Uint8Array | null {
  const result = parse(message);
  if (result === BROKEN) throw broken;
  return result;
}
