import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { EncodedStates } from '../live/encodedStates.ts';

/**
 * When a person's connection loads a board, its download for the next page to open it
 * (GET /api/boards/:id/state) is encoded in the next turn of the event loop: that page then gets
 * it at once, while its scripts are still compiling, instead of the server encoding it then and
 * taking CPU from the page on the same machine. One encoding per load; a board opened by the
 * server itself (votes, checkpoints, exports) is not encoded.
 */
export class StateWarmup implements Extension {
  extensionName = 'StateWarmup';
  private readonly states: EncodedStates;

  constructor(states: EncodedStates) {
    this.states = states;
  }

  async afterLoadDocument({ document, documentName, context }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board' || !(context as { role?: unknown } | undefined)?.role) return;
    setImmediate(() => this.states.warm(boardId, document));
  }
}
