import {
  NOTE_KIND_STYLE,
  priorityComparator,
  type BoardSnapshot,
  type Department,
  type NoteId,
  type NoteKind,
  type Round,
} from '../../../shared/index.ts';

export interface RankedNote {
  /** The position in the one priority order (shared priorityComparator): ties by board order. */
  readonly rank: number;
  readonly noteId: NoteId;
  readonly dots: number;
  readonly text: string;
  readonly kind: NoteKind;
  readonly kindLabel: string;
  readonly stageName: string;
  /** False when the note has been deleted since the reveal (its text is kept in the round). */
  readonly onBoard: boolean;
}

/** A round's notes from most to fewest dots (ties as in the priority list), with the note as it was at reveal. */
export function rankRound(
  round: Round,
  board: BoardSnapshot,
  totals: Readonly<Record<NoteId, number>> = round.totals,
): RankedNote[] {
  const stageNames = new Map(board.stages.map((s) => [s.id as string, s.name]));
  const rows = (Object.entries(totals) as [NoteId, number][])
    .filter(([, dots]) => dots > 0)
    .map(([noteId, dots]) => {
      const info = round.notes[noteId];
      const kind = info?.kind ?? board.notesById.get(noteId)?.kind ?? 'touchpoint';
      return {
        noteId,
        dots,
        text: info?.text || board.notesById.get(noteId)?.text || '(empty note)',
        kind,
        kindLabel: NOTE_KIND_STYLE[kind].label,
        stageName: (info && stageNames.get(info.stageId)) ?? '—',
        onBoard: board.notesById.has(noteId),
      };
    });
  const order = priorityComparator(board);
  rows.sort((a, b) => order({ noteId: a.noteId, votes: a.dots }, { noteId: b.noteId, votes: b.dots }));
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

export interface ComparedNote {
  readonly noteId: NoteId;
  readonly text: string;
  readonly before: { readonly rank: number; readonly dots: number } | null;
  readonly after: { readonly rank: number; readonly dots: number } | null;
  /** Places gained from the earlier round to the later one (positive = moved up); null if in one only. */
  readonly moved: number | null;
}

/** Who moved up or down between two rounds; ordered by the later round's rank, then the earlier's. */
export function compareRounds(earlier: Round, later: Round, board: BoardSnapshot): ComparedNote[] {
  const a = new Map(rankRound(earlier, board).map((r) => [r.noteId, r]));
  const b = new Map(rankRound(later, board).map((r) => [r.noteId, r]));
  const ids = [...new Set([...b.keys(), ...a.keys()])];
  return ids
    .map((noteId) => {
      const x = a.get(noteId);
      const y = b.get(noteId);
      return {
        noteId,
        text: (y ?? x)!.text,
        before: x ? { rank: x.rank, dots: x.dots } : null,
        after: y ? { rank: y.rank, dots: y.dots } : null,
        moved: x && y ? x.rank - y.rank : null,
      };
    })
    .sort(
      (p, q) =>
        (p.after?.rank ?? Infinity) - (q.after?.rank ?? Infinity) ||
        (p.before?.rank ?? Infinity) - (q.before?.rank ?? Infinity),
    );
}

/** Departments shown in a round's split (the server left out those with fewer than 3 voters). */
export function departmentSplits(
  round: Round,
): { department: Department; voters: number; totals: Readonly<Record<NoteId, number>> }[] {
  return (Object.entries(round.byDepartment) as [Department, { voters: number; totals: Record<NoteId, number> }][]).map(
    ([department, t]) => ({ department, voters: t.voters, totals: t.totals }),
  );
}
