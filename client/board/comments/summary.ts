import { commentsSince, type Comment, type CommentsSnapshot, type ThreadView } from '../../../shared/comments/index.ts';
import type { BoardSnapshot, NoteId, Round } from '../../../shared/index.ts';
import type { NoteActivity, VisitInfo } from '../../../shared/protocol/visits.ts';

/** "Since you were last here": what changed on the board while this person was away. */
export interface ArrivalSummary {
  /** When they were last seen (server time). */
  readonly since: number;
  /** Note changes; `exists` is false for a note that is gone now (deleted, not restored). */
  readonly notes: readonly (NoteActivity & { readonly exists: boolean })[];
  readonly comments: readonly { readonly thread: ThreadView; readonly comment: Comment }[];
  /** Rounds revealed since, with the note that got the most dots (where a click goes). */
  readonly rounds: readonly { readonly round: Round; readonly topNote: NoteId | null }[];
}

/**
 * Combines what the server kept (note events, including deletions, which the document cannot
 * show) with what the documents hold: comments by others and rounds revealed since the last
 * visit. Null on a first visit or when nothing changed.
 */
export function buildArrivalSummary(
  visit: VisitInfo | null,
  board: BoardSnapshot,
  comments: CommentsSnapshot,
  meId: string,
): ArrivalSummary | null {
  if (!visit || visit.previousSeenAt === null) return null;
  const since = visit.previousSeenAt;
  const notes = visit.notes.map((n) => ({ ...n, exists: board.notesById.has(n.noteId as NoteId) }));
  const rounds = board.rounds
    .filter((r) => r.revealedAt > since)
    .map((round) => {
      const top = Object.entries(round.totals).sort((a, b) => b[1] - a[1])[0];
      return { round, topNote: top && board.notesById.has(top[0] as NoteId) ? (top[0] as NoteId) : null };
    });
  const recent = commentsSince(comments, since, meId);
  if (notes.length === 0 && recent.length === 0 && rounds.length === 0) return null;
  return { since, notes, comments: recent, rounds };
}

/** "3 notes added, 1 edited, 2 comments" for the card's first line. */
export function summaryHeadline(summary: ArrivalSummary): string {
  const count = (change: string) => summary.notes.filter((n) => n.change === change).length;
  const parts: string[] = [];
  const added = count('added');
  if (added) parts.push(`${added} note${added === 1 ? '' : 's'} added`);
  for (const change of ['edited', 'moved', 'deleted']) {
    const n = count(change);
    if (n) parts.push(`${n} ${parts.length === 0 ? `note${n === 1 ? '' : 's'} ` : ''}${change}`);
  }
  const c = summary.comments.length;
  if (c) parts.push(`${c} comment${c === 1 ? '' : 's'}`);
  const r = summary.rounds.length;
  if (r) parts.push(`${r} vote${r === 1 ? '' : 's'} revealed`);
  return parts.join(', ');
}
