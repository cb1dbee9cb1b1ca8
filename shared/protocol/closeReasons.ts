/**
 * Why the server refused or ended a board connection. Modelled on Hocuspocus's
 * `@hocuspocus/common` CloseEvents (`{ code, reason }`, 4xxx codes mirror HTTP statuses).
 *
 * How a client sees them (Hocuspocus 4 multiplexes documents over one socket):
 * - A refusal in `onAuthenticate` does NOT close the WebSocket. The server answers the auth
 *   message with "permission denied" carrying only the `reason` string; the provider emits
 *   `authenticationFailed` with `{ reason }`. The numeric `code` never reaches the client, so
 *   clients match on `reason` (see `closeReasonFor`).
 * - Codes matter where the socket itself is closed (e.g. 1009 for an oversized message).
 */
export interface CloseReason {
  readonly code: number;
  readonly reason: string;
}

/** No board with this id exists (or the id is not a board id). Nothing was created. */
export const BoardNotFound = { code: 4404, reason: 'board-not-found' } as const satisfies CloseReason;

/**
 * The board exists but its stored data cannot be read (a corrupt row). The server refuses rather
 * than serve an empty board over real data; other boards are unaffected. An operator must look.
 */
export const BoardUnreadable = { code: 4500, reason: 'board-unreadable' } as const satisfies CloseReason;

/** Storage failed for another reason (disk, database down); retrying later may work. */
export const StorageUnavailable = { code: 4503, reason: 'storage-unavailable' } as const satisfies CloseReason;

/** A WebSocket message over the server's size limit; the socket is closed by the server (ws). */
export const MessageTooBig = { code: 1009, reason: 'Max payload size exceeded' } as const satisfies CloseReason;

/** No share token, or one that is not (or no longer) valid for this board. */
export const Unauthorized = { code: 4401, reason: 'unauthorized' } as const satisfies CloseReason;

/**
 * The connection carried no credential, or one the server never issued or has revoked: who the
 * person is must be proven (shared/protocol/identity.ts). A client gets a new identity and retries.
 */
export const IdentityRequired = { code: 4401, reason: 'identity-required' } as const satisfies CloseReason;

/** A facilitator removed this person from the board; their connections there are closed and refused. */
export const RemovedFromBoard = { code: 4403, reason: 'removed-from-board' } as const satisfies CloseReason;

/** Admission is on and a facilitator has not let this person in yet; the client waits and tries again. */
export const AwaitingAdmission = { code: 4423, reason: 'awaiting-admission' } as const satisfies CloseReason;

/** A facilitator rotated the link this connection used; the old link no longer works. */
export const LinkRotated = { code: 4403, reason: 'link-rotated' } as const satisfies CloseReason;

/** No room on the board for this role, or too many connections from this address (server/extensions/BoardCapacity.ts). Retrying later may work. */
export const BoardFull = { code: 4409, reason: 'board-full' } as const satisfies CloseReason;

/** The board's document would grow past MAX_DOCUMENT_BYTES; the change was not applied. */
export const BoardTooLarge = { code: 4413, reason: 'board-too-large' } as const satisfies CloseReason;

/** More than MAX_RECORDS records; the records this connection added past the cap were removed. */
export const TooManyRecords = { code: 4422, reason: 'too-many-records' } as const satisfies CloseReason;

/**
 * The connection sent messages faster than its token bucket allows (UPDATE_RATE, UPDATE_BURST);
 * or, refusing a connection, its address made too many refused attempts (AUTH_FAILURES_PER_ADDRESS,
 * AUTH_FAILURES_PER_BOARD; server/access/FailedAuthLimits.ts).
 */
export const RateLimited = { code: 4429, reason: 'rate-limited' } as const satisfies CloseReason;

/** A frame that does not decode or has an unknown message type. */
export const InvalidMessage = { code: 4400, reason: 'invalid-message' } as const satisfies CloseReason;

/** Every reason the Journeyboard server sends, for clients that receive only the reason string. */
export const CLOSE_REASONS = [
  BoardNotFound,
  BoardUnreadable,
  StorageUnavailable,
  MessageTooBig,
  Unauthorized,
  IdentityRequired,
  RemovedFromBoard,
  AwaitingAdmission,
  LinkRotated,
  BoardFull,
  BoardTooLarge,
  TooManyRecords,
  RateLimited,
  InvalidMessage,
] as const satisfies readonly CloseReason[];
