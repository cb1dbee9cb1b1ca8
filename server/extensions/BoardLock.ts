import type { beforeHandleMessagePayload, onAuthenticatePayload } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { LockState } from '../../shared/protocol/workshop.ts';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import { log } from '../observability/log.ts';
import { ServiceExtension } from './ServiceExtension.ts';

const UNKNOWN_LOCK: LockState = { locked: true, commentsOpen: false, since: null, byTimer: false };

/**
 * Enforces the facilitator's lock on the server. Hocuspocus reads `connection.readOnly` for every
 * message (MessageReceiver answers a read-only connection's update "not synced" and applies
 * nothing; Persistence skips it), so the flag is set from the role and the lock:
 * - when the lock changes, on every live connection of the board (WorkshopService.commit);
 * - before each message a connection sends (this hook, ahead of Persistence and the document
 *   apply), which also covers connections that arrived while the board was locked.
 * The facilitator stays writable; on `<id>/comments` commenters and editors keep writing while
 * the facilitator leaves comments open. Unlocking gives each connection its role's rights back.
 * (RoleAccess sets the role-based flag in onAuthenticate; its context is not visible to later
 * onAuthenticate hooks, which is why the lock is applied per message.)
 */
export class BoardLock extends ServiceExtension<WorkshopService> {
  extensionName = 'BoardLock';

  /** Loads the board's workshop state before the connection's first message is handled. */
  async onAuthenticate({ documentName }: onAuthenticatePayload): Promise<void> {
    await this.service.state(parseDocumentName(documentName).boardId).catch(() => undefined); // retried below
  }

  async beforeHandleMessage({ connection, documentName }: beforeHandleMessagePayload): Promise<void> {
    const boardId = parseDocumentName(documentName).boardId;
    let lock = this.service.cachedLock(boardId);
    if (!lock) {
      try {
        lock = (await this.service.state(boardId)).lock;
      } catch (error) {
        // Fail closed: while the lock cannot be read, only a facilitator writes.
        log.error({ board: boardId, err: error }, 'cannot read the workshop state');
        lock = UNKNOWN_LOCK;
      }
    }
    this.service.enforce(connection, lock);
  }
}
