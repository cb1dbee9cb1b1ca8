import { SENTIMENT_LABEL, type CurveGrouping } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { DETAIL_SCALE } from '../canvas/NotesLayer.tsx';
import { screenRect } from './overlayPosition.ts';
import { OverBoard } from './OverBoard.tsx';
import { Segmented } from './Segmented.tsx';

const GROUPINGS: readonly { value: CurveGrouping; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  { value: 'department', label: 'By department' },
  { value: 'persona', label: 'By persona' },
];

/** The emotion curve's title, grouping toggle, legend and the hover card listing its notes. */
export function EmotionCurveOverlay() {
  const session = useSession();
  const board = useBoard();
  const camera = useEditor((s) => s.camera);
  const grouping = useEditor((s) => s.curveGrouping);
  const hover = useEditor((s) => s.curveHover);
  // The Paths panel's toggle: while the curve follows a chosen path, its grouping does not apply.
  const alongPath = useEditor((s) => s.curveAlongPath && s.paths?.chosen !== null && s.paths !== null);
  const band = session.layouts.layoutFor(board).curveBand;
  if (!band || camera.scale < DETAIL_SCALE) return null;
  const r = screenRect(camera, band);
  const notes = hover ? hover.noteIds.map((id) => board.notesById.get(id)).filter((n) => n !== undefined) : [];
  const stage = hover ? board.stages[hover.stageIndex] : undefined;
  return (
    <>
      <OverBoard
        className="curve-controls"
        style={{ left: r.x + 10 * camera.scale, top: r.y + 10 * camera.scale, transform: `scale(${camera.scale})` }}
      >
        <span className="curve-title">{alongPath ? 'Emotion curve along the chosen path' : 'Emotion curve'}</span>
        {!alongPath && (
          <Segmented
            label="Emotion curve lines"
            options={GROUPINGS.filter((g) => g.value !== 'persona' || board.personas.length > 0)}
            value={grouping}
            onChange={(g) => session.editor.update({ curveGrouping: g, curveHover: null })}
          />
        )}
        {!alongPath && grouping !== 'all' && (
          <ul className="curve-legend" aria-label="Lines">
            {session.layouts.curveFor(board, grouping).map((s) => (
              <li key={s.key}>
                <span className="legend-swatch" style={{ background: s.colour }} />
                {s.label}
              </li>
            ))}
          </ul>
        )}
      </OverBoard>
      {hover && stage && (
        <div
          className="curve-card"
          role="tooltip"
          data-testid="curve-card"
          style={{ left: hover.x * camera.scale + camera.x + 14, top: hover.y * camera.scale + camera.y + 10 }}
        >
          <strong>{stage.name}</strong>
          <span className="muted">
            {' '}
            · mean {hover.mean > 0 ? '+' : ''}
            {hover.mean.toFixed(1)} from {notes.length} note{notes.length === 1 ? '' : 's'}
          </span>
          <ul>
            {notes.slice(0, 8).map((n) => (
              <li key={n.id}>
                <span className="curve-score">{n.sentiment! > 0 ? `+${n.sentiment}` : n.sentiment}</span>{' '}
                {n.text || <em>(no text)</em>} <span className="muted">— {SENTIMENT_LABEL[n.sentiment!]?.label}</span>
              </li>
            ))}
            {notes.length > 8 && <li className="muted">and {notes.length - 8} more</li>}
          </ul>
        </div>
      )}
    </>
  );
}
