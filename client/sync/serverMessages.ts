import { CHECKPOINTS_CHANGED, parseStorageStatus } from '../../shared/index.ts';

/** A stateless message from the server meant for the person (see server/extensions/RecordGuard.ts). */
export interface ServerNotice {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
}

function parseNotice(payload: string): ServerNotice | null {
  try {
    const n = JSON.parse(payload) as Partial<ServerNotice>;
    return n.type === 'journeyboard:repaired' && typeof n.message === 'string'
      ? { type: n.type, reason: String(n.reason), message: n.message }
      : null;
  } catch {
    return null;
  }
}

/**
 * Where each stateless message of a board's connection goes: the storage status to the connection
 * status, "checkpoints changed" to the History panel, notices to the person, and every JSON
 * message to the feature channels (voting, workshop controls, …), which each check the `type`
 * they own. Unparseable payloads are dropped.
 */
export class ServerMessages {
  private readonly onStorage: (delayed: boolean) => void;
  private readonly notices = new Set<(notice: ServerNotice) => void>();
  private readonly checkpoints = new Set<() => void>();
  private readonly messages = new Set<(message: unknown) => void>();

  /** `onStorage` hears whether the server's storage is delaying saves. */
  constructor(onStorage: (delayed: boolean) => void) {
    this.onStorage = onStorage;
  }

  onCheckpointsChanged(listener: () => void): () => void {
    this.checkpoints.add(listener);
    return () => this.checkpoints.delete(listener);
  }

  onNotice(listener: (notice: ServerNotice) => void): () => void {
    this.notices.add(listener);
    return () => this.notices.delete(listener);
  }

  onMessage(listener: (message: unknown) => void): () => void {
    this.messages.add(listener);
    return () => this.messages.delete(listener);
  }

  dispatch(payload: string): void {
    const storage = parseStorageStatus(payload);
    if (storage) {
      this.onStorage(storage.state === 'delayed');
      return;
    }
    if (payload === CHECKPOINTS_CHANGED) {
      for (const l of this.checkpoints) l();
      return;
    }
    const notice = parseNotice(payload);
    if (notice) for (const l of this.notices) l(notice);
    if (this.messages.size === 0) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    for (const l of this.messages) l(message);
  }
}
