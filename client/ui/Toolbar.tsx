import { NOTE_KIND_STYLE, NOTE_KINDS } from '../../shared/index.ts';
import { fitBoard, resetZoom, zoomBy } from '../board/cameraActions.ts';
import { useEditor, useHistoryState, useSession } from '../board/hooks.ts';
import { addNoteOfKind } from '../board/noteActions.ts';
import { withArticle } from './articles.ts';

/** Bottom toolbar: add a note of a kind, undo/redo, zoom. */
export function Toolbar({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const history = useHistoryState();
  const scale = useEditor((s) => s.camera.scale);
  const panel = useEditor((s) => s.panel);
  return (
    <div className="toolbar" role="toolbar" aria-label="Board tools" onPointerDown={(e) => e.stopPropagation()}>
      {!readOnly && (
        <fieldset className="toolbar-group" aria-label="Add a note">
          <span className="toolbar-label">Add</span>
          {NOTE_KINDS.map((k) => (
            <button
              type="button"
              key={k}
              className={`kind-button kind-${k}`}
              data-testid={`add-${k}`}
              title={`Add ${withArticle(NOTE_KIND_STYLE[k].label.toLowerCase())}`}
              onClick={() => addNoteOfKind(session, k)}
            >
              <span className="kind-dot" style={{ background: NOTE_KIND_STYLE[k].colour }} aria-hidden>
                {NOTE_KIND_STYLE[k].icon}
              </span>
              {NOTE_KIND_STYLE[k].label}
            </button>
          ))}
        </fieldset>
      )}
      {!readOnly && (
        <div className="toolbar-group">
          <button
            type="button"
            className="icon-button"
            data-testid="undo"
            disabled={!history.canUndo}
            onClick={() => session.model.undo()}
            title="Undo (Ctrl+Z)"
            aria-label="Undo"
          >
            ↶
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="redo"
            disabled={!history.canRedo}
            onClick={() => session.model.redo()}
            title="Redo (Ctrl+Shift+Z)"
            aria-label="Redo"
          >
            ↷
          </button>
        </div>
      )}
      <div className="toolbar-group">
        <button
          type="button"
          className="icon-button"
          onClick={() => zoomBy(session, 1 / 1.25)}
          title="Zoom out"
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" className="zoom-label" onClick={() => resetZoom(session)} title="Reset to 100%">
          {Math.round(scale * 100)}%
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => zoomBy(session, 1.25)}
          title="Zoom in"
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          className="tb-button"
          data-testid="fit"
          onClick={() => fitBoard(session)}
          title="Fit the board (Shift+1)"
        >
          Fit
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="tb-button toolbar-toggle"
          aria-pressed={panel === 'personas'}
          data-testid="personas-toggle"
          onClick={() =>
            session.editor.update({ panel: panel === 'personas' ? null : 'personas', highlightDepartment: null })
          }
          title="Who this journey is for"
        >
          Personas
        </button>
        <button
          type="button"
          className="tb-button toolbar-toggle"
          aria-pressed={panel === 'teams'}
          data-testid="teams-toggle"
          onClick={() =>
            session.editor.update({
              panel: panel === 'teams' ? null : 'teams',
              highlightDepartment: null,
              focusPersona: null,
            })
          }
          title="Which team contributed where"
        >
          Teams
        </button>
        <button
          type="button"
          className="tb-button toolbar-toggle"
          aria-pressed={panel === 'kpis'}
          data-testid="kpis-toggle"
          onClick={() => session.editor.update({ panel: panel === 'kpis' ? null : 'kpis' })}
          title="Stage KPIs and CSV import"
        >
          KPIs
        </button>
        <button
          type="button"
          className="tb-button toolbar-toggle"
          aria-pressed={panel === 'priorities'}
          data-testid="priorities-toggle"
          onClick={() =>
            session.editor.update({
              panel: panel === 'priorities' ? null : 'priorities',
              highlightDepartment: null,
              focusPersona: null,
            })
          }
          title="Ranked priority list, actions and exports"
        >
          Priorities
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => session.editor.update({ panel: 'shortcuts' })}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </div>
  );
}
