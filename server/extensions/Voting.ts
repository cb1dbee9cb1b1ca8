import type { afterLoadDocumentPayload, Extension, onConfigurePayload, onStatelessPayload } from '@hocuspocus/server';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { isRecordId, type NoteId } from '../../shared/schema/ids.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { VotingService } from '../voting/VotingService.ts';
import { log } from '../observability/log.ts';

export interface VotingConfiguration {
  service: VotingService;
}

/**
 * Wires secret dot-voting rounds (server/voting/VotingService.ts) into Hocuspocus: `voting:*`
 * stateless messages go to the service (RoleAccess has checked the type and minimum role first);
 * a loaded board gets its round records checked against the database and its note deletions
 * watched, so dots on a deleted note go back to their voters.
 */
export class Voting implements Extension {
  extensionName = 'Voting';
  private readonly service: VotingService;

  constructor(configuration: VotingConfiguration) {
    this.service = configuration.service;
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.service.attach(instance);
  }

  async onListen(): Promise<void> {
    await this.service.start();
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    recordsMap(document).observe((event) => {
      const deleted: NoteId[] = [];
      for (const [key, change] of event.changes.keys) {
        if (change.action === 'delete' && isRecordId('note', key)) deleted.push(key);
      }
      if (deleted.length > 0) void this.service.refundDeletedNotes(boardId, deleted);
    });
    await this.service
      .reconcileOnLoad(boardId, document)
      .catch((error: unknown) => log.error({ board: boardId, err: error }, 'cannot check its rounds'));
  }

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    if (!isVotingMessage(payload)) return;
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    await this.service.handle(connection, boardId, payload);
  }

  async onDestroy(): Promise<void> {
    this.service.close();
  }
}

/**
 * By its parsed `type`: a private-writing draft whose text says "voting: …" is not ours. A payload
 * that is not JSON but names a voting message still goes on, to be refused with a reason.
 */
export function isVotingMessage(payload: string): boolean {
  try {
    const type = (JSON.parse(payload) as { type?: unknown } | null)?.type;
    return typeof type === 'string' && type.startsWith('voting:');
  } catch {
    return payload.includes('"voting:');
  }
}
