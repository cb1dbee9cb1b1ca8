import type { afterLoadDocumentPayload } from '@hocuspocus/server';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { isRecordId, type NoteId } from '../../shared/schema/ids.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { VotingService } from '../voting/VotingService.ts';
import { log } from '../observability/log.ts';
import { HeldMessages } from './HeldMessages.ts';

/**
 * Wires secret dot-voting rounds (server/voting/VotingService.ts) into Hocuspocus: `voting:*`
 * stateless messages go to the service (RoleAccess has checked the type and minimum role first);
 * a loaded board gets its round records checked against the database and its note deletions
 * watched, so dots on a deleted note go back to their voters.
 */
export class Voting extends HeldMessages<VotingService> {
  extensionName = 'Voting';
  protected readonly prefix = 'voting:';

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
}
