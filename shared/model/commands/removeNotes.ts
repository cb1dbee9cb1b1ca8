import { recordsMap } from '../../doc/boardDoc.ts';
import type { NoteId } from '../../schema/ids.ts';
import type { CommandContext } from './context.ts';

/**
 * Deletes notes and, in the same transaction, the connectors that start or end at them: a person
 * deleting a note means its arrows too, and one undo step brings both back. Only a *concurrent*
 * delete leaves a connector without its note (an orphan, kept for repair).
 */
export function removeNotes(ctx: CommandContext, noteIds: Iterable<NoteId>): void {
  const gone = new Set<string>(noteIds);
  const records = recordsMap(ctx.doc);
  const board = ctx.board();
  for (const c of [...board.connectors, ...board.orphanConnectors])
    if (gone.has(c.from) || gone.has(c.to)) records.delete(c.id);
  for (const id of gone) records.delete(id);
}
