import {
  canFacilitate,
  HAPPY_PATH_NAME,
  pathConnectorIds,
  pathCurve,
  pathName,
  pathNoteIds,
  pathRoundSettings,
  type BoardSnapshot,
  type JourneyPath,
} from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { usePathHighlight } from '../board/pathHighlight.ts';
import { useStore } from '../board/store.ts';
import { SidePanel } from './SidePanel.tsx';

const END_WORDS = { end: 'ends', 'drop-out': 'customers drop out', loop: 'loops back' } as const;

function noteText(board: BoardSnapshot, id: string): string {
  return (
    board.notesById
      .get(id as never)
      ?.text.split('\n')[0]
      ?.trim() || '(no text)'
  );
}

/**
 * The paths from a start note: each one listed (its notes in order and how it ends), the one
 * chosen highlighted on the board with the others' notes dimmed. From here the team marks the
 * happy path, lets the emotion curve follow a path, and a facilitator starts a vote on one path.
 */
export function PathsPanel({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const state = useEditor((s) => s.paths);
  const alongPath = useEditor((s) => s.curveAlongPath);
  const highlight = usePathHighlight();
  const role = useStore(session.access, (a) => a.role);
  const openRound = useStore(session.voting.state, (s) => s.round !== null);
  const close = () => session.editor.update({ panel: null, paths: null, curveAlongPath: false });
  const choose = (chosen: number | null) =>
    state &&
    session.editor.update({ paths: { ...state, chosen }, ...(chosen === null ? { curveAlongPath: false } : {}) });
  const start = state ? noteText(board, state.startId) : '';
  return (
    <SidePanel titleId="paths-title" title="Paths" testId="paths-panel" className="paths-panel" ownKeys onClose={close}>
      {!highlight ? (
        <p className="muted small">
          That note is gone. Select a note and choose Paths to see where customers go from it.
        </p>
      ) : (
        <>
          <p className="muted small">
            From <strong>{start}</strong>, following connectors. Notes off the paths are dimmed.
          </p>
          {highlight.from.paths.length === 1 && highlight.from.paths[0]!.steps.length === 1 ? (
            <p className="small" data-testid="paths-none">
              No connector leaves this note: connect it to the next step to see its paths.
            </p>
          ) : (
            <>
              <button
                type="button"
                className="team-button"
                aria-pressed={state?.chosen === null}
                onClick={() => choose(null)}
              >
                Show all {highlight.from.paths.length} paths
              </button>
              <ol className="path-list" aria-label="Paths from this note">
                {highlight.from.paths.map((p, i) => (
                  <PathItem
                    key={i}
                    board={board}
                    path={p}
                    index={i}
                    chosen={state?.chosen === i}
                    happy={highlight.happyIndex === i}
                    onChoose={() => choose(state?.chosen === i ? null : i)}
                  />
                ))}
              </ol>
              {highlight.from.truncated && (
                <p className="muted small">Only the first {highlight.from.paths.length} paths are listed.</p>
              )}
            </>
          )}
          {highlight.chosen && highlight.chosen.steps.length > 1 && (
            <section className="path-actions" aria-label="This path">
              <label className="path-toggle">
                <input
                  type="checkbox"
                  checked={alongPath}
                  onChange={(e) => session.editor.update({ curveAlongPath: e.target.checked })}
                />
                Emotion curve follows this path
              </label>
              <CurveNote board={board} path={highlight.chosen} />
              {!readOnly &&
                (highlight.happyIndex === state?.chosen ? (
                  <button type="button" className="tb-button" onClick={() => session.run('clearHappyPath', {})}>
                    Unmark the happy path
                  </button>
                ) : (
                  <button
                    type="button"
                    className="tb-button"
                    onClick={() => session.run('markHappyPath', { connectorIds: pathConnectorIds(highlight.chosen!) })}
                  >
                    Mark as the happy path
                  </button>
                ))}
              {role !== null && canFacilitate(role) && (
                <button
                  type="button"
                  className="tb-button"
                  disabled={openRound}
                  title={openRound ? 'A voting round is open already' : undefined}
                  onClick={() =>
                    session.voting.start(
                      pathRoundSettings(`Path: ${pathName(board, highlight.chosen!)}`, pathNoteIds(highlight.chosen!)),
                    )
                  }
                >
                  Vote on this path
                </button>
              )}
            </section>
          )}
        </>
      )}
    </SidePanel>
  );
}

function PathItem({
  board,
  path,
  index,
  chosen,
  happy,
  onChoose,
}: {
  board: BoardSnapshot;
  path: JourneyPath;
  index: number;
  chosen: boolean;
  happy: boolean;
  onChoose: () => void;
}) {
  return (
    <li className={chosen ? 'path-item chosen' : 'path-item'} data-testid="path-item">
      <button type="button" className="path-button" aria-pressed={chosen} onClick={onChoose}>
        <span className="path-title">
          Path {index + 1}
          {happy && <span className="path-happy"> · ★ {HAPPY_PATH_NAME}</span>}
        </span>
        <span className="path-steps">{path.steps.map((s) => noteText(board, s.noteId)).join(' → ')}</span>
        <span className={`path-end path-end-${path.end}`}>
          {path.steps.length - 1} step{path.steps.length === 2 ? '' : 's'}, {END_WORDS[path.end]}
        </span>
      </button>
    </li>
  );
}

function CurveNote({ board, path }: { board: BoardSnapshot; path: JourneyPath }) {
  const { points, notes } = pathCurve(board, pathNoteIds(path));
  return (
    <p className="muted small" data-testid="path-curve-note">
      {points.length === 0
        ? 'No note on this path has a sentiment yet: give its notes one to draw the curve.'
        : `${points.length} of ${notes} notes on this path have a sentiment.`}
    </p>
  );
}
