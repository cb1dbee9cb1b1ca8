import { NOTE_KIND_STYLE, NOTE_KINDS, type NoteKind } from '../../shared/index.ts';
import type { EditorState } from '../board/editorState.ts';
import { fitBoard, resetZoom, zoomBy } from '../board/cameraActions.ts';
import { useEditor, useHistoryState, useSession } from '../board/hooks.ts';
import { addNoteOfKind } from '../board/noteActions.ts';
import { withArticle } from './articles.ts';
import { MoreMenu, type MenuAction } from './layout/MoreMenu.tsx';
import { PHONE_MAX, useViewportWidth } from './layout/viewport.ts';
import { IconButton } from './IconButton.tsx';
import { OverBoard } from './OverBoard.tsx';

type BoardPanel = 'personas' | 'teams' | 'channels' | 'kpis' | 'priorities';

/** The board's panels, each opened by a toggle; opening one clears the highlights another panel set. */
const PANELS: readonly {
  readonly panel: BoardPanel;
  readonly label: string;
  readonly title: string;
  readonly clears: Partial<EditorState>;
}[] = [
  {
    panel: 'personas',
    label: 'Personas',
    title: 'Who this journey is for',
    clears: { highlightDepartment: null, focusChannel: null },
  },
  {
    panel: 'teams',
    label: 'Teams',
    title: 'Which team contributed where',
    clears: { highlightDepartment: null, focusPersona: null, focusChannel: null },
  },
  {
    panel: 'channels',
    label: 'Channels',
    title: 'Touchpoints, pain points and sentiment per channel',
    clears: { highlightDepartment: null, focusPersona: null },
  },
  { panel: 'kpis', label: 'KPIs', title: 'Stage KPIs and CSV import', clears: {} },
  {
    panel: 'priorities',
    label: 'Priorities',
    title: 'Ranked priority list, actions and exports',
    clears: { highlightDepartment: null, focusPersona: null, focusChannel: null },
  },
];

/** From this window width the panel toggles and the shortcuts stand in the toolbar; below, in its "More" menu. */
const PANELS_INLINE_FROM = 1100;

function KindDot({ kind }: { kind: NoteKind }) {
  return (
    <span className="kind-dot" style={{ background: NOTE_KIND_STYLE[kind].colour }} aria-hidden>
      {NOTE_KIND_STYLE[kind].icon}
    </span>
  );
}

/**
 * Bottom toolbar: add a note of a kind, undo/redo, zoom, the panels. On a phone the kinds fold
 * into an "Add" menu and zoom (pinch does it) into "More"; below PANELS_INLINE_FROM the panels do.
 */
export function Toolbar({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const history = useHistoryState();
  const scale = useEditor((s) => s.camera.scale);
  const panel = useEditor((s) => s.panel);
  const width = useViewportWidth();
  const phone = width < PHONE_MAX;
  const panelsInline = width >= PANELS_INLINE_FROM;
  const toggle = (p: BoardPanel, clears: Partial<EditorState>) =>
    session.editor.update({ panel: panel === p ? null : p, ...clears });
  const addKind = (k: NoteKind): MenuAction => ({
    id: k,
    label: NOTE_KIND_STYLE[k].label,
    icon: <KindDot kind={k} />,
    onSelect: () => addNoteOfKind(session, k),
    testId: `add-${k}`,
  });
  const more: MenuAction[] = [
    ...(phone
      ? [
          { id: 'zoom-in', label: 'Zoom in', onSelect: () => zoomBy(session, 1.25), testId: 'zoom-in' },
          { id: 'zoom-out', label: 'Zoom out', onSelect: () => zoomBy(session, 1 / 1.25), testId: 'zoom-out' },
          {
            id: 'zoom-reset',
            label: `Zoom to 100% (now ${Math.round(scale * 100)}%)`,
            onSelect: () => resetZoom(session),
          },
        ]
      : []),
    ...(panelsInline
      ? []
      : [
          ...PANELS.map((p) => ({
            id: p.panel,
            label: p.label,
            checked: panel === p.panel,
            onSelect: () => toggle(p.panel, p.clears),
            testId: `${p.panel}-toggle`,
          })),
          {
            id: 'shortcuts',
            label: 'Keyboard shortcuts',
            onSelect: () => session.editor.update({ panel: 'shortcuts' }),
            testId: 'shortcuts-button',
          },
        ]),
  ];
  return (
    <OverBoard className="toolbar" role="toolbar" aria-label="Board tools">
      {!readOnly &&
        (phone ? (
          <div className="toolbar-group">
            <MoreMenu
              items={NOTE_KINDS.map(addKind)}
              label="Add"
              title="Add a note"
              testId="add-menu"
              opens="up"
              icon={
                <span className="add-plus" aria-hidden>
                  +
                </span>
              }
            />
          </div>
        ) : (
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
                <KindDot kind={k} />
                <span className="kind-word">{NOTE_KIND_STYLE[k].label}</span>
              </button>
            ))}
          </fieldset>
        ))}
      {!readOnly && (
        <div className="toolbar-group">
          <IconButton
            label="Undo"
            title="Undo (Ctrl+Z)"
            data-testid="undo"
            disabled={!history.canUndo}
            onClick={() => session.model.undo()}
          >
            ↶
          </IconButton>
          <IconButton
            label="Redo"
            title="Redo (Ctrl+Shift+Z)"
            data-testid="redo"
            disabled={!history.canRedo}
            onClick={() => session.model.redo()}
          >
            ↷
          </IconButton>
        </div>
      )}
      <div className="toolbar-group">
        {!phone && (
          <>
            <IconButton
              label="Zoom out"
              title="Zoom out"
              data-testid="zoom-out"
              onClick={() => zoomBy(session, 1 / 1.25)}
            >
              −
            </IconButton>
            <button type="button" className="zoom-label" onClick={() => resetZoom(session)} title="Reset to 100%">
              {Math.round(scale * 100)}%
            </button>
            <IconButton label="Zoom in" title="Zoom in" data-testid="zoom-in" onClick={() => zoomBy(session, 1.25)}>
              +
            </IconButton>
          </>
        )}
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
      {panelsInline ? (
        <div className="toolbar-group">
          {PANELS.map((p) => (
            <button
              key={p.panel}
              type="button"
              className="tb-button toolbar-toggle"
              aria-pressed={panel === p.panel}
              data-testid={`${p.panel}-toggle`}
              onClick={() => toggle(p.panel, p.clears)}
              title={p.title}
            >
              {p.label}
            </button>
          ))}
          <button
            type="button"
            className="icon-button"
            onClick={() => session.editor.update({ panel: 'shortcuts' })}
            data-testid="shortcuts-button"
            title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
        </div>
      ) : (
        <div className="toolbar-group">
          <MoreMenu items={more} title="More tools: zoom, panels, shortcuts" testId="toolbar-more" opens="up" />
        </div>
      )}
    </OverBoard>
  );
}
