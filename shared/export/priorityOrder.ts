import type { NoteId } from '../schema/ids.ts';

/**
 * The one order of voted notes, for the voting results, the priority list and every export
 * (docs/api.md, "Order (ties)"): votes, most first; then board order (stage, lane, place in the
 * cell, orphans after placed notes, as `board.notes` lists them); notes deleted since, last, by
 * id. A rank is the 1-based position in this order: ties never share a rank, so "rank 2" names
 * the same note in the results panel, the list, the CSV and the PDF.
 */
export function priorityComparator(board: {
  readonly notes: readonly { readonly id: NoteId }[];
}): (a: { noteId: NoteId; votes: number }, b: { noteId: NoteId; votes: number }) => number {
  const onBoard = new Map(board.notes.map((n, i) => [n.id, i]));
  return (a, b) => {
    if (a.votes !== b.votes) return b.votes - a.votes;
    const [ia, ib] = [onBoard.get(a.noteId), onBoard.get(b.noteId)];
    if (ia !== undefined && ib !== undefined) return ia - ib;
    if (ia !== undefined || ib !== undefined) return ia !== undefined ? -1 : 1;
    return a.noteId < b.noteId ? -1 : a.noteId > b.noteId ? 1 : 0;
  };
}
