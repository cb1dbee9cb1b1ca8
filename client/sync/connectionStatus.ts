import { WebSocketStatus } from '@hocuspocus/provider';
import {
  AwaitingAdmission,
  BoardFull,
  BoardNotFound,
  BoardTooLarge,
  BoardUnreadable,
  IdentityRequired,
  InvalidMessage,
  LinkRotated,
  MessageTooBig,
  RateLimited,
  RemovedFromBoard,
  StorageUnavailable,
  TooManyRecords,
  Unauthorized,
} from '../../shared/index.ts';
import type { ConnectionStore } from './connection.ts';

/** Reasons that arrive as a server-side close of this document's connection, not as a refusal. */
export const FINAL_CLOSE_REASONS: readonly string[] = [
  LinkRotated.reason,
  RemovedFromBoard.reason,
  BoardTooLarge.reason,
  RateLimited.reason,
  InvalidMessage.reason,
  'forbidden-message',
];

/**
 * Refusals by which a facilitator took access away (this person removed, this link replaced):
 * this device then forgets its copy of the board instead of showing it from there again.
 * Not an unaccepted identity or an unknown board: the copy may hold edits worth keeping then.
 */
export const REVOKED_REASONS: readonly string[] = [RemovedFromBoard.reason, LinkRotated.reason];

/** The server's reason codes, in words a workshop participant understands. */
export function describeRefusal(reason: string): string {
  switch (reason) {
    case BoardNotFound.reason:
      return 'board-not-found';
    case BoardUnreadable.reason:
      return 'This board’s stored data cannot be read, so it was not opened and nothing was changed. Ask the person who runs the server to run “npm run restore-board” for it: that keeps the damaged data and brings back its latest checkpoint.';
    case StorageUnavailable.reason:
      return 'The server cannot reach its storage right now. Try again in a minute.';
    case MessageTooBig.reason:
      return 'Your last change was too large to sync, so the connection stopped. Reload the page; changes since the last sync may be lost.';
    case Unauthorized.reason:
      return 'unauthorized';
    case AwaitingAdmission.reason:
      return 'awaiting-admission';
    case RemovedFromBoard.reason:
      return 'The facilitator removed you from this board.';
    case IdentityRequired.reason:
      return 'This device’s identity is no longer accepted (the facilitator removed it, or the server was reset). Reload the page to join again.';
    case LinkRotated.reason:
      return 'The facilitator replaced the link you joined with, so it no longer works. Ask them for the new link.';
    case BoardFull.reason:
      return 'This board has as many people as it can take right now. Try again in a few minutes.';
    case BoardTooLarge.reason:
      return 'This board has reached its maximum size, so your last change was not saved. Remove some notes, then reload.';
    case TooManyRecords.reason:
      return 'This board holds as many notes as it can; remove some before adding more.';
    case RateLimited.reason:
      return 'Too many changes or attempts came from here too quickly, so the server paused this connection. Wait a minute, then reload the page.';
    case InvalidMessage.reason:
    case 'forbidden-message':
      return 'The server could not accept a message from this page. Reload the page to continue.';
    default:
      return reason || 'The server refused the connection.';
  }
}

/** What the status needs to know of the provider. */
export interface SyncState {
  /** Changes made here that the server has not acknowledged yet. */
  readonly hasUnsyncedChanges: boolean;
  /** The first sync of this connection is done. */
  readonly isSynced: boolean;
}

/**
 * The connection's status as the pill shows it (connection.ts), from the socket's status, the
 * provider's sync state, the server's storage status, the browser's online flag and the changes
 * still pending here. A refusal is final: nothing changes the status after it.
 */
export class ConnectionStatus {
  private readonly store: ConnectionStore;
  private readonly sync: SyncState;
  private readonly pending: { readonly count: number; clear(): void };
  private readonly online: () => boolean;
  private socket: WebSocketStatus = WebSocketStatus.Connecting;
  private everConnected = false;
  private savingDelayed = false;
  private refusedReason: string | null = null;

  constructor(
    store: ConnectionStore,
    sync: SyncState,
    pending: { readonly count: number; clear(): void },
    online: () => boolean = () => navigator.onLine,
  ) {
    this.store = store;
    this.sync = sync;
    this.pending = pending;
    this.online = online;
  }

  get refused(): boolean {
    return this.refusedReason !== null;
  }

  get connected(): boolean {
    return this.socket === WebSocketStatus.Connected;
  }

  socketChanged(status: WebSocketStatus): void {
    this.socket = status;
    if (status === WebSocketStatus.Connected) this.everConnected = true;
    this.update();
  }

  storageChanged(delayed: boolean): void {
    this.savingDelayed = delayed;
    this.update();
  }

  /** Final: the server refused this connection (`reason` is its close reason). */
  refuse(reason: string): void {
    this.refusedReason = reason;
    const revoked = REVOKED_REASONS.includes(reason);
    this.store.set({ kind: 'refused', reason: describeRefusal(reason), ...(revoked && { revoked }) });
  }

  update = (): void => {
    if (this.refused) return;
    const unsynced = this.sync.hasUnsyncedChanges;
    const live = this.socket === WebSocketStatus.Connected && this.sync.isSynced;
    // Everything acknowledged (and so stored: the server logs before it acks): nothing waits.
    if (live && !unsynced) this.pending.clear();
    if (live) this.store.set({ kind: 'connected', saving: unsynced, savingDelayed: this.savingDelayed });
    else if (!this.online()) this.store.set({ kind: 'offline', pending: this.pending.count });
    else if (this.everConnected) this.store.set({ kind: 'reconnecting', pending: this.pending.count });
    else this.store.set({ kind: 'connecting', pending: this.pending.count });
  };
}
