import { draftCell } from '../../../shared/index.ts';
import { useBoard, useSession } from '../../board/hooks.ts';
import { usePrivateWriting } from '../../board/privateWriting/hooks.ts';

/**
 * My private drafts in the accessible outline: the canvas shows them
 * only to me, and so does this list; each can be deleted here too.
 */
export function OutlineDrafts() {
  const session = useSession();
  const board = useBoard();
  const drafts = usePrivateWriting((s) => s.drafts);
  if (drafts.length === 0) return null;
  const where = (stageId: string, laneId: string) =>
    `${board.stages.find((s) => s.id === stageId)?.name ?? '?'}, ${board.lanes.find((l) => l.id === laneId)?.name ?? '?'}`;
  return (
    <section className="outline-drafts" aria-labelledby="outline-drafts" data-testid="outline-drafts">
      <h2 id="outline-drafts">Your private notes ({drafts.length})</h2>
      <p className="muted">
        Only you can see these until the facilitator reveals them; then they join the board where they are.
      </p>
      <ul>
        {drafts.map((d) => {
          const cell = draftCell(board, d);
          return (
            <li key={d.id}>
              <span className="muted">{cell ? where(cell.stageId, cell.laneId) : 'No cell'}:</span>{' '}
              {d.text || <em>empty</em>}{' '}
              <button
                type="button"
                className="btn ghost"
                onClick={() => session.privateWriting.deleteDraft(d.id)}
                aria-label={`Delete private note “${d.text.slice(0, 40)}”`}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
