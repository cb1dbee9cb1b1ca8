import type { NoteId } from '../../shared/index.ts';
import type { Point } from './geometry.ts';
import type { BoardLayout } from './layout.ts';
import { noteBadges } from './noteBadges.ts';
import { contains } from './voteGeometry.ts';

/**
 * The note whose comment badge is under `p`, if any (badges are drawn over notes, so they win).
 * `voted(id)`: the note shows a vote total too (the comment badge then sits left of it; noteBadges.ts).
 */
export function badgeAt(
  layout: BoardLayout,
  counts: ReadonlyMap<NoteId, number>,
  p: Point,
  voted: (id: NoteId) => boolean = () => false,
): NoteId | null {
  for (const id of counts.keys()) {
    const r = layout.notes.get(id);
    if (!r) continue;
    const b = noteBadges(r, { vote: voted(id), comment: true }).comment!;
    if (contains(b, p)) return id;
  }
  return null;
}
