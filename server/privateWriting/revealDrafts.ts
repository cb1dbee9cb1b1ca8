import type * as Y from 'yjs';
import { getRecord } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { executeCommand } from '../../shared/model/commands/index.ts';
import { draftCell } from '../../shared/model/draftPlacement.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import type { NoteId } from '../../shared/schema/ids.ts';
import type { DraftId } from '../../shared/protocol/privateWriting.ts';
import type { StoredDraft } from './PrivateWritingRepository.ts';

export interface RevealOutcome {
  /** Drafts that are notes in the document now (written by this call, or by an interrupted earlier one). */
  readonly written: DraftId[];
  /** Drafts left as drafts: the board has no cell at all, or the model refused the note. */
  readonly kept: { readonly id: DraftId; readonly reason: string }[];
  /** Drafts whose stage or lane was gone: written into the nearest cell that exists (draftCell). */
  readonly moved: DraftId[];
}

/**
 * Writes drafts into the board as notes, through the model's `addNote` command with each draft's
 * author as the actor (so author and department are theirs), all in ONE server-origin
 * transaction: everyone receives the reveal as one update. Each draft must carry the note id
 * assigned to it beforehand; a draft whose note already exists (a reveal interrupted after this
 * write) is counted as written and not written again.
 */
export function revealDrafts(
  doc: Y.Doc,
  drafts: readonly (StoredDraft & { readonly noteId: NoteId })[],
): RevealOutcome {
  const board = readBoard(doc);
  const outcome: RevealOutcome = { written: [], kept: [], moved: [] };
  doc.transact(() => {
    for (const d of drafts) {
      if (getRecord(doc, d.noteId)) {
        outcome.written.push(d.id);
        continue;
      }
      const cell = draftCell(board, d);
      if (!cell) {
        outcome.kept.push({ id: d.id, reason: 'the board has no stage or lane' });
        continue;
      }
      try {
        const actor = { id: d.personId, name: d.name, department: d.department };
        executeCommand(
          doc,
          actor,
          'addNote',
          {
            id: d.noteId,
            stageId: cell.stageId,
            laneId: cell.laneId,
            kind: d.kind ?? undefined,
            text: d.text,
            department: d.department,
          },
          ORIGIN.server,
        );
        outcome.written.push(d.id);
        if (cell.moved) outcome.moved.push(d.id);
      } catch (error) {
        outcome.kept.push({ id: d.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }, ORIGIN.server);
  return outcome;
}
