import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { createRoot } from 'react-dom/client';
import {
  createShapeId,
  type Editor,
  getIndices,
  type TLShape,
  type TLDefaultColorStyle,
  type TLShapeId,
  type TLShapePartial,
  Tldraw,
  toRichText,
} from 'tldraw';
import 'tldraw/tldraw.css';
import { loadBoard, markDrawn, nearestNote, type PeerApi, type PeerBoard, zoomedOffset } from './peerBoard.ts';

// tldraw's palette has named colours only: Journeyboard's six note fills map onto six of them.
const PALETTE: TLDefaultColorStyle[] = ['yellow', 'light-blue', 'light-green', 'orange', 'light-red', 'light-violet'];

function shapesOf(board: PeerBoard): { shapes: TLShapePartial[]; noteIds: TLShapeId[] } {
  const shapes: TLShapePartial[] = [];
  for (const s of board.stages) {
    shapes.push({
      id: createShapeId(),
      type: 'text',
      x: s.x + 14,
      y: 20,
      isLocked: true,
      props: { richText: toRichText(s.name), size: 'm' },
    });
    for (const l of board.lanes)
      shapes.push({
        id: createShapeId(),
        type: 'geo',
        x: s.x,
        y: l.y,
        isLocked: true,
        props: { geo: 'rectangle', w: s.width, h: l.height, color: 'grey', fill: 'none', size: 's' },
      });
  }
  for (const l of board.lanes)
    shapes.push({
      id: createShapeId(),
      type: 'text',
      x: 14,
      y: l.y + 14,
      isLocked: true,
      props: { richText: toRichText(l.name), size: 'm' },
    });
  const fills = [...new Set(board.notes.map((n) => n.fill))];
  const noteIds: TLShapeId[] = [];
  for (const n of board.notes) {
    const id = createShapeId();
    noteIds.push(id);
    shapes.push({
      id,
      type: 'geo',
      x: n.x,
      y: n.y,
      props: {
        geo: 'rectangle',
        w: n.w,
        h: n.h,
        color: PALETTE[fills.indexOf(n.fill) % PALETTE.length],
        fill: 'solid',
        size: 's',
        // tldraw's smallest label is 18 px: scaled to Journeyboard's note text, so notes keep their size.
        scale: 0.75,
        align: 'start',
        verticalAlign: 'start',
        richText: toRichText(n.text),
      },
    });
  }
  return { shapes, noteIds };
}

/**
 * Whole records, as a stored document holds them (a tldraw file, or tldraw sync's first load):
 * `createShapes` would measure every label as if each were typed in anew.
 */
function recordsOf(editor: Editor, shapes: TLShapePartial[]): TLShape[] {
  const parentId = editor.getCurrentPageId();
  const indices = getIndices(shapes.length);
  return shapes.map(
    (partial, i) =>
      editor.store.schema.types.shape.create({
        ...partial,
        index: indices[i]!,
        parentId,
        props: { ...editor.getShapeUtil(partial.type).getDefaultProps(), ...partial.props },
      } as TLShape) as TLShape,
  );
}

function expose(editor: Editor, board: PeerBoard, noteIds: TLShapeId[]): PeerApi {
  const centre = () => editor.getViewportScreenCenter();
  const api: PeerApi = {
    drawnAt: null,
    shapeCount: () => editor.getCurrentPageShapeIds().size,
    fit: () => editor.zoomToFit(),
    zoom: () => editor.getZoomLevel(),
    zoomAtCentre(scale) {
      const { x, y, z } = editor.getCamera();
      const c = centre();
      editor.setCamera({ x: zoomedOffset(x, c.x, z, scale), y: zoomedOffset(y, c.y, z, scale), z: scale });
    },
    noteNearCentre() {
      const near = nearestNote(board, editor.screenToPage(centre()));
      return { ...editor.pageToScreen(near), index: near.index };
    },
    notePosition(i) {
      const s = noteIds[i] && editor.getShape(noteIds[i]);
      return s ? { x: s.x, y: s.y } : null;
    },
  };
  return api;
}

const board = await loadBoard();
const { shapes, noteIds } = shapesOf(board);
createRoot(document.getElementById('root')!).render(
  <Tldraw
    assetUrls={getAssetUrlsByImport()}
    onMount={(editor) => {
      const records = recordsOf(editor, shapes);
      editor.store.mergeRemoteChanges(() => editor.store.put(records));
      editor.zoomToFit();
      const api = expose(editor, board, noteIds);
      window.__peer = api;
      markDrawn(api);
    }}
  />,
);
