import type { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';

/** One entry of a y-protocols awareness update: a client id, its clock and its state (null: gone). */
export type AwarenessEntry = readonly [clientId: number, clock: number, state: unknown];

/**
 * Sends a hand-made awareness update on `provider`'s socket, as a hostile client would: any client
 * ids, clocks and states, bypassing the provider's own Awareness.
 */
export function sendRawAwareness(provider: HocuspocusProvider, entries: readonly AwarenessEntry[]): void {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarString(message, provider.configuration.name);
  encoding.writeVarUint(message, 1); // MessageType.Awareness
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  provider.configuration.websocketProvider.send(encoding.toUint8Array(message));
}
