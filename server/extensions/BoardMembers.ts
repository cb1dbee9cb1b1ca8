import type { connectedPayload, Extension } from '@hocuspocus/server';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { AccessContext } from '../access/AccessContext.ts';
import type { AccountRepository } from '../identity/AccountRepository.ts';
import { log } from '../observability/log.ts';

export interface BoardMembersConfiguration {
  readonly accounts: AccountRepository;
  readonly now?: () => number;
}

/**
 * "My boards": when a person connects to a board, remember the board and the role they came in
 * with. The store keeps it only for signed-in people (a device-only person has no list to show
 * on another device). A failed write is logged, never a refused connection.
 */
export class BoardMembers implements Extension {
  extensionName = 'BoardMembers';

  private readonly accounts: AccountRepository;
  private readonly now: () => number;

  constructor(configuration: BoardMembersConfiguration) {
    this.accounts = configuration.accounts;
    this.now = configuration.now ?? Date.now;
  }

  async connected({ context, documentName }: connectedPayload<Partial<AccessContext>>): Promise<void> {
    const { person, role, boardId } = context;
    if (!person || !role || !boardId || parseDocumentName(documentName).kind !== 'board') return;
    await this.accounts.recordMembership(person.id, boardId, role, this.now()).catch((error: unknown) => {
      log.warn(
        { err: error instanceof Error ? error.message : String(error), board: boardId },
        'could not remember a board for My boards',
      );
    });
  }
}
