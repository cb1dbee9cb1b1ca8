import type {
  ChannelId,
  ConnectorId,
  CurveGrouping,
  Department,
  KpiId,
  LaneId,
  NoteId,
  PersonaId,
  StageId,
} from '../../shared/index.ts';
import type { PlottedPoint } from '../geometry/curveGeometry.ts';
import type { Camera } from '../geometry/camera.ts';
import type { Point, Rect } from '../geometry/geometry.ts';
import type { DropTarget } from '../geometry/hitTest.ts';
import { Store } from './store.ts';

/** Per-person view state: never synced (the camera, the selection, what is being dragged). */
export interface EditorState {
  readonly camera: Camera;
  /** False until the camera first fits the board: nothing is drawn at a camera nobody chose. */
  readonly fitted: boolean;
  readonly viewport: { readonly width: number; readonly height: number };
  /** How high the bars floating at the bottom of the board reach (toolbar, voting, private writing). */
  readonly bottomInset: number;
  /** The camera the last Fit chose; while the camera is still that one, Fit follows the bars. */
  readonly lastFit: Camera | null;
  readonly selection: ReadonlySet<NoteId>;
  /** The selected connector (never together with selected notes): shows its toolbar. */
  readonly connector: ConnectorId | null;
  /** A connector being drawn from a note's handle: the pointer's board point, and the note under it. */
  readonly connecting: { readonly from: NoteId; readonly to: Point; readonly over: NoteId | null } | null;
  /** The note whose "Connect to…" dialog is open. */
  readonly connectFrom: NoteId | null;
  /** An orphan connector whose lost end is being chosen again ("Reconnect to…"). */
  readonly reconnect: ConnectorId | null;
  readonly editing: NoteId | null;
  /** Plain text pasted onto the board, waiting for "Paste" in its preview (more than 10 notes). */
  readonly pastePreview: {
    readonly stageId: StageId;
    readonly laneId: LaneId;
    readonly texts: readonly string[];
  } | null;
  /** The cell of the last click on the canvas (a note or an empty spot): where toolbar adds go. */
  readonly lastCell: { readonly stageId: StageId; readonly laneId: LaneId } | null;
  /** Board-space marquee while shift-dragging over empty space. */
  readonly marquee: Rect | null;
  /** Notes being dragged: their offset from where they sit, and where they would land. */
  readonly drag: {
    readonly ids: ReadonlySet<NoteId>;
    readonly offset: Point;
    readonly target: DropTarget | null;
  } | null;
  /** A stage or lane whose header is selected (shows its actions). */
  readonly header: { readonly type: 'stage' | 'lane'; readonly id: string; readonly renaming: boolean } | null;
  /** How the emotion curve groups notes, and the curve point under the pointer. */
  readonly curveGrouping: CurveGrouping;
  readonly curveHover: PlottedPoint | null;
  /** Notes of other departments are dimmed while one is highlighted. */
  readonly highlightDepartment: Department | null;
  /** The canvas, or the same board as an accessible HTML outline. */
  readonly view: 'canvas' | 'outline';
  /** Which side panel is open. */
  readonly panel: 'teams' | 'personas' | 'priorities' | 'shortcuts' | 'kpis' | 'channels' | 'paths' | null;
  /**
   * The paths from a start note shown on the board (other notes dimmed), and which of them is
   * chosen (an index into the listed paths; null: all of them highlighted).
   */
  readonly paths: { readonly startId: NoteId; readonly chosen: number | null } | null;
  /** The emotion curve follows the chosen path instead of the stage columns. */
  readonly curveAlongPath: boolean;
  /** The KPI card whose editor is open, or a stage's KPI cell where one is being added (kpiId null). */
  readonly kpiEditor: { readonly stageId: StageId; readonly kpiId: KpiId | null } | null;
  /** While set, notes not tagged with this persona are dimmed. */
  readonly focusPersona: PersonaId | null;
  /** While set, notes not on this channel are dimmed (the channel view's filter). */
  readonly focusChannel: ChannelId | null;
  readonly toast: { readonly id: number; readonly message: string; readonly tone: 'info' | 'error' } | null;
}

export const EMPTY_SELECTION: ReadonlySet<NoteId> = new Set();

export function createEditorStore(): Store<EditorState> {
  return new Store<EditorState>({
    camera: { x: 0, y: 0, scale: 1 },
    fitted: false,
    viewport: { width: 1, height: 1 },
    bottomInset: 72,
    lastFit: null,
    selection: EMPTY_SELECTION,
    connector: null,
    connecting: null,
    connectFrom: null,
    reconnect: null,
    editing: null,
    lastCell: null,
    pastePreview: null,
    marquee: null,
    drag: null,
    header: null,
    curveGrouping: 'all',
    curveHover: null,
    highlightDepartment: null,
    panel: null,
    kpiEditor: null,
    focusPersona: null,
    focusChannel: null,
    paths: null,
    curveAlongPath: false,
    view: 'canvas',
    toast: null,
  });
}

let toastSeq = 0;
export function showToast(store: Store<EditorState>, message: string, tone: 'info' | 'error' = 'info'): void {
  store.update({ toast: { id: ++toastSeq, message, tone } });
}
