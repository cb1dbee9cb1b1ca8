import type {
  afterUnloadDocumentPayload,
  connectedPayload,
  onConfigurePayload,
  onStatelessPayload,
} from '@hocuspocus/server';
import { canFacilitate, parseDocumentName } from '../../shared/protocol/roles.ts';
import {
  BRING_EVERYONE_TYPE,
  bringEveryoneSchema,
  CURSORS_TYPE,
  cursorsCommandSchema,
  LOCK_TYPE,
  lockCommandSchema,
  TIMER_TYPE,
  timerCommandSchema,
  VOTE_TOTALS_TYPE,
  voteTotalsCommandSchema,
  WORKSHOP_COMMAND_TYPES,
  type WorkshopCommand,
} from '../../shared/protocol/workshop.ts';
import type { z } from 'zod';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import type { AccessContext } from '../access/AccessContext.ts';
import { log } from '../observability/log.ts';
import { ServiceExtension } from './ServiceExtension.ts';

/**
 * The facilitator's workshop controls over stateless messages (shared/protocol/workshop.ts):
 * the timer, the lock, the cursor switch and the board-wide vote totals go to WorkshopService (saved, then broadcast to
 * the whole board, on every instance); "bring everyone to me" is relayed to every other
 * connection of the board document, on every instance. Each new connection receives the
 * current state. RoleAccess has already closed any
 * connection whose role may not send these types (STATELESS_RULES); the role is checked again
 * here so a wrong rule can never open them up. A malformed or impossible command is answered to
 * its sender only, with a `journeyboard:workshop-refused` message saying why.
 */
export class WorkshopControls extends ServiceExtension<WorkshopService> {
  extensionName = 'WorkshopControls';

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.service.attach(instance);
  }

  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    try {
      const state = await this.service.state(parseDocumentName(documentName).boardId);
      connection.sendStateless(this.service.message(state));
    } catch (error) {
      log.error({ board: documentName, err: error }, 'no workshop state for a new connection');
    }
  }

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    const message = parse(payload);
    const type = (message as { type?: unknown } | null)?.type;
    if (!(WORKSHOP_COMMAND_TYPES as readonly unknown[]).includes(type)) return;
    const role = (connection.context as Partial<AccessContext>).role;
    if (!role || !canFacilitate(role)) return; // RoleAccess closed it already
    const { boardId } = parseDocumentName(documentName);

    if (type === BRING_EVERYONE_TYPE) {
      const bring = bringEveryoneSchema.safeParse(message);
      if (!bring.success) return connection.sendStateless(this.service.refusal('That view cannot be shared.'));
      // broadcastStateless, not a loop over this instance's connections: the Redis extension
      // relays it to the board's connections on the other instances too.
      return connection.document.broadcastStateless(JSON.stringify(bring.data), (other) => other !== connection);
    }

    const command = COMMAND_SCHEMAS[type as keyof typeof COMMAND_SCHEMAS].safeParse(message);
    if (!command.success) {
      const issue = command.error.issues[0];
      return connection.sendStateless(
        this.service.refusal(
          `Invalid workshop command${issue ? ` (${issue.path.join('.') || 'message'}: ${issue.message})` : ''}.`,
        ),
      );
    }
    const result = await this.service.apply(boardId, command.data);
    if (!result.ok) connection.sendStateless(this.service.refusal(result.message));
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    const { boardId } = parseDocumentName(documentName);
    for (const name of instance.documents.keys()) if (parseDocumentName(name).boardId === boardId) return;
    this.service.forget(boardId);
  }

  async onDestroy(): Promise<void> {
    this.service.destroy();
  }
}

/** One schema per type, so a refusal names the field that is wrong. */
const COMMAND_SCHEMAS: Readonly<
  Record<
    typeof TIMER_TYPE | typeof LOCK_TYPE | typeof CURSORS_TYPE | typeof VOTE_TOTALS_TYPE,
    z.ZodType<WorkshopCommand>
  >
> = {
  [TIMER_TYPE]: timerCommandSchema,
  [LOCK_TYPE]: lockCommandSchema,
  [CURSORS_TYPE]: cursorsCommandSchema,
  [VOTE_TOTALS_TYPE]: voteTotalsCommandSchema,
};

function parse(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return null;
  }
}
