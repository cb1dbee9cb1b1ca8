import type { beforeHandleAwarenessPayload, Extension } from '@hocuspocus/server';
import type { AccessContext } from '../access/AccessContext.ts';

/**
 * Stamps each awareness state a connection sends with the role the server gave that connection
 * (`role`, shared/presence/presence.ts), replacing whatever the client wrote, so the participant
 * panel's "Facilitator", "Editor"… cannot be claimed by a client. Hocuspocus 4 decodes each
 * inbound awareness update into `states` and re-encodes it after this hook for the broadcast.
 */
export class PresenceRoles implements Extension {
  extensionName = 'PresenceRoles';

  async beforeHandleAwareness({ context, states }: beforeHandleAwarenessPayload): Promise<void> {
    const role = (context as Partial<AccessContext> | undefined)?.role;
    for (const state of states.values()) {
      if (state === null || typeof state !== 'object') continue;
      if (role) (state as Record<string, unknown>).role = role;
      else delete (state as Record<string, unknown>).role;
    }
  }
}
