import type { NoteId } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import type { Point } from '../geometry/geometry.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import { contains, myDotsRect, voteMarkScale } from '../geometry/voteGeometry.ts';

/**
 * A click on a note while I am voting: on my dots it takes one back, elsewhere on the note it
 * places one. Returns false when not voting (the click then selects as usual). The server decides;
 * a refusal comes back as a toast saying why.
 */
export function voteClick(session: BoardSession, noteId: NoteId, p: Point, layout: BoardLayout): boolean {
  const { round, voteMode, ballot } = session.voting.state.get();
  if (!round || !voteMode) return false;
  const rect = layout.notes.get(noteId);
  const mine = ballot?.dots[noteId] ?? 0;
  if (rect && mine > 0 && contains(myDotsRect(rect, mine, voteMarkScale(session.editor.get().camera.scale)), p))
    session.voting.remove(noteId);
  else session.voting.place(noteId);
  return true;
}
