import { Component, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Layer, Stage } from 'react-konva';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { usePeersInColour, usePeopleColours } from '../board/peopleColours.ts';
import { EMPTY_SELECTION } from '../board/editorState.ts';
import { useStore } from '../board/store.ts';
import { canWrite, type NoteId } from '../../shared/index.ts';
import { stageAtCamera, visibleRect } from '../geometry/camera.ts';
import { DragStage } from './DragLayer.tsx';
import { expand, intersects, type Rect } from '../geometry/geometry.ts';
import { drawnArea, sameRect } from '../geometry/drawnArea.ts';
import { GridLayer } from './GridLayer.tsx';
import { KpiLayer } from './KpiLayer.tsx';
import { ConnectorsLayer } from './ConnectorsLayer.tsx';
import { connectHandleAt, type ConnectorRoute } from '../geometry/connectorRoutes.ts';
import { EmotionCurveLayer } from './EmotionCurveLayer.tsx';
import { cacheRatioFor, DETAIL_SCALE, NotesLayer } from './NotesLayer.tsx';
import { PresenceLayer } from './PresenceLayer.tsx';
import { useCursorsHidden } from '../board/workshop/useWorkshop.ts';
import { CommentBadgesLayer } from './CommentBadgesLayer.tsx';
import { useCommentBadges } from '../board/comments/hooks.ts';
import { useCanvasInteractions } from './useCanvasInteractions.ts';
import { useEditedNoteAboveKeyboard } from './useEditedNoteAboveKeyboard.ts';
import { useDrawnCamera } from './useDrawnCamera.ts';
import { panMargin } from '../geometry/drawnShift.ts';
import { useAfterFirstDraw, useFirstDrawMark } from './firstDrawMark.ts';
import { VotesLayer } from './VotesLayer.tsx';
import { voteMarkScale } from '../geometry/voteGeometry.ts';
import { useVotesOnCanvas } from '../board/voting/hooks.ts';
import { hasVoteBadge, noteBadges } from '../geometry/noteBadges.ts';
import { DraftsLayer } from './DraftsLayer.tsx';
import { usePrivateWriting } from '../board/privateWriting/hooks.ts';
import { usePathView } from './usePathView.ts';

export function BoardCanvas() {
  const session = useSession();
  const board = useBoard();
  // My private drafts change the layout too (BoardLayouts.setDrafts): re-render on them.
  const drafts = usePrivateWriting((s) => s.drafts);
  const draftSelected = usePrivateWriting((s) => s.selected);
  const draftEditing = usePrivateWriting((s) => s.editing);
  const draftDrag = usePrivateWriting((s) => s.drag);
  const layout = session.layouts.layoutFor(board);
  const viewport = useEditor((s) => s.viewport);
  const container = useRef<HTMLDivElement>(null);
  // The camera the stage is drawn at; pans within its margin only shift the drawn pixels.
  const shifter = useRef<HTMLDivElement>(null);
  const camera = useDrawnCamera(session, container, shifter, viewport);
  const margin = panMargin(viewport);
  const selection = useEditor((s) => s.selection);
  const marquee = useEditor((s) => s.marquee);
  // Only which notes are dragged: a drag frame re-renders the drag layer alone (DragLayer.tsx).
  const dragIds = useEditor((s) => s.drag?.ids ?? null);
  const header = useEditor((s) => s.header);
  const curveHover = useEditor((s) => s.curveHover);
  const highlight = useEditor((s) => s.highlightDepartment);
  const focusPersona = useEditor((s) => s.focusPersona);
  const focusChannel = useEditor((s) => s.focusChannel);
  const kpiEditor = useEditor((s) => s.kpiEditor);
  const paths = usePathView(board, layout);
  const peers = usePeersInColour();
  const colours = usePeopleColours();
  const cursorsHidden = useCursorsHidden();
  const commentBadges = useCommentBadges();
  // A viewer or commenter cannot add notes: no "double-click to add" hints for them.
  const canEdit = useStore(session.access, (a) => a.role === null || canWrite(a.role, 'board'));
  const votes = useVotesOnCanvas(board);
  const detailed = camera.scale >= DETAIL_SCALE;
  const voted = useCallback((id: NoteId) => hasVoteBadge(votes.totals, id, detailed), [votes.totals, detailed]);
  // The kind label of a note with badges ends where they begin (noteBadges.ts).
  const labelWidths = useMemo(() => {
    const widths = new Map<NoteId, number>();
    if (!detailed) return widths;
    const ids = new Set<NoteId>([...commentBadges.counts.keys()]);
    for (const [id, total] of Object.entries(votes.totals ?? {})) if (total > 0) ids.add(id as NoteId);
    for (const id of ids) {
      const r = layout.notes.get(id);
      if (r) widths.set(id, noteBadges(r, { vote: voted(id), comment: commentBadges.counts.has(id) }).labelWidth);
    }
    return widths;
  }, [detailed, commentBadges.counts, votes.totals, voted, layout]);
  useCanvasInteractions(session, container, layout, board);
  useEditedNoteAboveKeyboard(session, container, layout);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => session.editor.update({ viewport: { width: el.clientWidth, height: el.clientHeight } });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [session]);

  const fitted = useEditor((s) => s.fitted);
  // The notes of what the stage draws (the canvas and its pan margin, rounded out to culling
  // tiles); in the board's first frame, those on screen only (drawnArea.ts).
  const firstFrame = !useAfterFirstDraw(fitted);
  const area = useSameRect(drawnArea(visibleRect(camera, viewport), margin / camera.scale, firstFrame));
  const hidden = dragIds ?? EMPTY_SELECTION;
  // Which notes are near the viewport depends on the layout only (the same layout means the same
  // notes in the same order): a remote edit looks up a few hundred notes, not filters 5,000.
  // biome-ignore lint/correctness/useExhaustiveDependencies: board.notes is in layout order while the layout stands
  const visibleIds = useMemo(() => {
    if (!fitted) return [];
    const ids: NoteId[] = [];
    for (const n of board.notes) {
      const r = layout.notes.get(n.id);
      if (r && !hidden.has(n.id) && intersects(r, area)) ids.push(n.id);
    }
    return ids;
  }, [layout, area, hidden, fitted]);
  // Connectors join in the task after the first frame, with the pan margin's notes: routing all
  // of them is not worth delaying the notes for (docs/performance.md, section 18).
  const routes = firstFrame ? NO_ROUTES : session.layouts.routesFor(board);
  // Connectors are culled like notes: only those whose path (and arrowhead) reach the drawn area.
  const visibleRoutes = useMemo(() => routes.filter((r) => intersects(expand(r.box, 12), area)), [routes, area]);
  const connectorsById = useMemo(
    () => new Map(firstFrame ? [] : [...board.connectors, ...board.orphanConnectors].map((c) => [c.id, c])),
    [board.connectors, board.orphanConnectors, firstFrame],
  );
  const selectedConnector = useEditor((s) => s.connector);
  const connecting = useEditor((s) => s.connecting);
  const fromRect = connecting && layout.notes.get(connecting.from);
  const overRect = connecting?.over ? (layout.notes.get(connecting.over) ?? null) : null;
  const drawing = fromRect ? { from: connectHandleAt(fromRect), to: connecting.to, target: overRect } : null;
  const visibleNotes = useMemo(
    () => visibleIds.map((id) => board.notesById.get(id)).filter((n) => n !== undefined),
    [visibleIds, board],
  );
  useFirstDrawMark(fitted);
  // These two layers (two more full-size canvases) join once they have something to show, and
  // then stay: not part of a big board's first render when nobody has voted, commented or arrived.
  const hasMarks = useOnceTrue(
    votes.openRound !== null ||
      votes.totals !== null ||
      Object.keys(votes.myDots).length > 0 ||
      drafts.length > 0 ||
      commentBadges.counts.size > 0 ||
      commentBadges.highlight !== null,
  );
  const hasPresence = useOnceTrue(peers.length > 0 || selection.size > 0 || marquee !== null);

  // No canvases before the board is there and framed: each layer is a full-size canvas, and
  // drawing them empty costs a big board's first render ~0.2 s of canvas copies for nothing.
  if (!fitted) return <div ref={container} className="board-canvas" data-testid="board-canvas" />;
  return (
    <div ref={container} className="board-canvas" data-testid="board-canvas" style={{ overflow: 'hidden' }}>
      <div
        ref={shifter}
        style={{ position: 'absolute', left: -margin, top: -margin, willChange: 'transform', transformOrigin: '0 0' }}
      >
        <Stage {...stageAtCamera(camera, viewport, margin)}>
          <CanvasBoundary>
            {/* As few canvases as can be (Konva advises five at most): each layer is a full-size
              canvas to create, resize, composite, and copy to the compositor at every frame of a
              pan (software compositing, docs/performance.md). The board and its notes share one;
              votes and badges another. */}
            <Layer listening={false} name="board">
              <GridLayer
                board={board}
                layout={layout}
                selectedHeader={header?.id ?? null}
                showHints={camera.scale > 0.45 && canEdit}
              />
              <KpiLayer board={board} layout={layout} selected={kpiEditor?.kpiId ?? null} />
              {layout.curveBand && (
                <EmotionCurveLayer band={layout.curveBand} plotted={paths.curve} hovered={curveHover} />
              )}
              <ConnectorsLayer
                routes={visibleRoutes}
                byId={connectorsById}
                selected={selectedConnector}
                drawing={drawing}
                showLabels={detailed}
                paths={paths.marks}
              />
              <NotesLayer
                notes={visibleNotes}
                layout={layout}
                detailed={detailed}
                labelWidths={labelWidths}
                authorColours={colours}
                highlight={highlight}
                focusPersona={focusPersona}
                personas={board.personas}
                focusChannel={focusChannel}
                channels={board.channels}
                onPath={paths.onPath}
                cacheRatio={cacheRatioFor(camera.scale, window.devicePixelRatio || 1)}
              />
            </Layer>
            {hasMarks && (
              <Layer listening={false} name="marks">
                {camera.scale >= DETAIL_SCALE && (
                  <VotesLayer
                    notes={visibleNotes}
                    layout={layout}
                    {...votes}
                    markScale={voteMarkScale(camera.scale)}
                    commented={commentBadges.counts}
                  />
                )}
                <DraftsLayer
                  drafts={drafts}
                  board={board}
                  layout={layout}
                  selected={draftSelected}
                  editing={draftEditing}
                  drag={draftDrag}
                />
                <CommentBadgesLayer layout={layout} {...commentBadges} voted={voted} />
              </Layer>
            )}
            {hasPresence && (
              <PresenceLayer
                layout={layout}
                peers={peers}
                selection={selection}
                marquee={marquee}
                scale={camera.scale}
                showCursors={!cursorsHidden}
              />
            )}
          </CanvasBoundary>
        </Stage>
      </div>
      {dragIds && <DragStage board={board} layout={layout} ids={dragIds} viewport={viewport} />}
    </div>
  );
}

const NO_ROUTES: readonly ConnectorRoute[] = [];

/** The previous rect while it has not changed: memos keyed on it are kept. */
function useSameRect(rect: Rect): Rect {
  const kept = useRef(rect);
  if (!sameRect(kept.current, rect)) kept.current = rect;
  return kept.current;
}

/** False until `value` is first true, then true for good. */
function useOnceTrue(value: boolean): boolean {
  const seen = useRef(false);
  if (value) seen.current = true;
  return seen.current;
}

/** Inside <Stage>: a shape that throws must not blank the page; the rest of the UI stays usable. */
class CanvasBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error('Board canvas failed to draw', error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
