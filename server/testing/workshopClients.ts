import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { workshopStateMessageSchema, type WorkshopStateMessage } from '../../shared/protocol/workshop.ts';
import { connectProvider, waitFor } from './providers.ts';

/** A raw provider that keeps every stateless message the server sends it. */
export interface RecordingProvider {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  /** Parsed JSON payloads, in arrival order. */
  readonly messages: unknown[];
  /** The latest `journeyboard:workshop` state message, or null. */
  latestState(): WorkshopStateMessage | null;
  /** Waits until the latest state message satisfies `check`. */
  waitForState(check: (m: WorkshopStateMessage) => boolean, what: string): Promise<WorkshopStateMessage>;
  /** Messages of one type. */
  ofType(type: string): unknown[];
  send(message: object): void;
  destroy(): void;
}

export async function recordingProvider(wsUrl: string, boardId: string, token: string): Promise<RecordingProvider> {
  const messages: unknown[] = [];
  const doc = new Y.Doc();
  const provider = await connectProvider(wsUrl, boardId, {
    token,
    document: doc,
    onStateless: (payload) => {
      try {
        messages.push(JSON.parse(payload));
      } catch {
        messages.push(payload);
      }
    },
  });
  const latestState = () => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const parsed = workshopStateMessageSchema.safeParse(messages[i]);
      if (parsed.success) return parsed.data;
    }
    return null;
  };
  return {
    provider,
    doc,
    messages,
    latestState,
    waitForState: (check, what) =>
      waitFor(
        () => {
          const latest = latestState();
          return latest && check(latest) ? latest : null;
        },
        { what },
      ),
    ofType: (type) => messages.filter((m) => (m as { type?: unknown } | null)?.type === type),
    send: (message) => provider.sendStateless(JSON.stringify(message)),
    destroy: () => provider.destroy(),
  };
}

let fenceSeq = 0;
const FENCE_USER = { id: 'fence', name: 'Fence', colour: '#0d74ce', department: 'other' };

/**
 * Resolves once `watcher` has seen an awareness change that `sender` made after its earlier
 * messages. Hocuspocus handles one connection's messages in order, so everything `sender` sent
 * before has been handled (applied or dropped) by then: a wait on a condition, not a sleep.
 */
export async function awarenessFence(sender: HocuspocusProvider, watcher: HocuspocusProvider): Promise<void> {
  const n = ++fenceSeq;
  // The server relays only states that are valid presence (PresenceGuard).
  sender.awareness!.setLocalState({ user: FENCE_USER, ...sender.awareness!.getLocalState(), fence: n });
  await waitFor(() => watcher.awareness!.getStates().get(sender.document.clientID)?.fence === n, {
    what: 'the awareness fence',
  });
}
