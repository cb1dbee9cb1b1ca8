import type { afterLoadDocumentPayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { VotingService } from '../voting/VotingService.ts';
import type { GuardNotice } from './RecordGuard.ts';
import { log } from '../observability/log.ts';
import { ServiceExtension } from './ServiceExtension.ts';
import { connectionOrigin } from './connectionOrigin.ts';

/**
 * Round records are written only by the server, at reveal. A client transaction that creates,
 * changes or deletes a `round:` record is undone: the server rewrites the touched records from its
 * database (the source of truth) in one server transaction, or removes a round it never revealed,
 * and tells the author. Like RecordGuard, it checks after the fact: valid changes cost a key scan.
 */
export class RoundGuard extends ServiceExtension<VotingService> {
  extensionName = 'RoundGuard';

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    const records = recordsMap(document) as unknown as Y.AbstractType<unknown>;
    document.on('afterTransaction', (tr: Y.Transaction) => {
      const origin = connectionOrigin(tr);
      if (!origin) return;
      const touched = roundKeysTouched(tr, records);
      if (touched.size === 0) return;
      void this.service.reconcileRounds(boardId, document, touched).then(
        (fixed) => {
          if (fixed.length === 0) return;
          log.warn({ board: boardId }, `undid a client's change to ${fixed.join(', ')}`);
          const notice: GuardNotice = {
            type: 'journeyboard:repaired',
            reason: 'invalid-record',
            message: 'Voting results are written by the server only; your change to them was undone.',
          };
          origin.connection?.sendStateless(JSON.stringify(notice));
        },
        (error: unknown) => log.error({ board: boardId, err: error }, 'cannot restore round records'),
      );
    });
  }
}

/** `round:` keys of the records map that `tr` added, changed or deleted (directly or inside the record). */
function roundKeysTouched(tr: Y.Transaction, records: Y.AbstractType<unknown>): Set<string> {
  const keys = new Set<string>();
  for (const [changed, subs] of tr.changed) {
    const type = changed as unknown as Y.AbstractType<unknown>;
    if (type === records) {
      subs.forEach((k) => k?.startsWith('round:') && keys.add(k));
      continue;
    }
    let t: Y.AbstractType<unknown> | null = type;
    while (t?._item) {
      const parent = t._item.parent as Y.AbstractType<unknown>;
      if (parent === records) {
        const key = t._item.parentSub;
        if (key?.startsWith('round:')) keys.add(key);
        break;
      }
      t = parent;
    }
  }
  return keys;
}
