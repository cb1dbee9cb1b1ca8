import { convertToExcalidrawElements, Excalidraw } from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import type { ExcalidrawElementSkeleton } from '@excalidraw/excalidraw/data/transform';
import type { ExcalidrawImperativeAPI, NormalizedZoomValue } from '@excalidraw/excalidraw/types';
import { createRoot } from 'react-dom/client';
import { loadBoard, markDrawn, nearestNote, type PeerApi, type PeerBoard, zoomedOffset } from './peerBoard.ts';

const INK = '#1f2430';
const GRID = '#cfd4dc';

function elementsOf(board: PeerBoard) {
  const skeletons: ExcalidrawElementSkeleton[] = [];
  for (const s of board.stages) {
    skeletons.push({ type: 'text', x: s.x + 14, y: 20, text: s.name, fontSize: 20, strokeColor: INK, locked: true });
    for (const l of board.lanes)
      skeletons.push({
        type: 'rectangle',
        x: s.x,
        y: l.y,
        width: s.width,
        height: l.height,
        strokeColor: GRID,
        roughness: 0,
        strokeWidth: 1,
        locked: true,
      });
  }
  for (const l of board.lanes)
    skeletons.push({ type: 'text', x: 14, y: l.y + 14, text: l.name, fontSize: 20, strokeColor: INK, locked: true });
  const firstNote = skeletons.length;
  board.notes.forEach((n, i) =>
    skeletons.push({
      type: 'rectangle',
      id: `note-${i}`,
      x: n.x,
      y: n.y,
      width: n.w,
      height: n.h,
      backgroundColor: n.fill,
      fillStyle: 'solid',
      strokeColor: INK,
      roughness: 0,
      strokeWidth: 1,
      label: { text: n.text, fontSize: 14, textAlign: 'left', verticalAlign: 'top' },
    }),
  );
  return { elements: convertToExcalidrawElements(skeletons, { regenerateIds: false }), firstNote };
}

function expose(excalidraw: ExcalidrawImperativeAPI, board: PeerBoard): PeerApi {
  const centre = () => {
    const s = excalidraw.getAppState();
    return { x: s.width / 2, y: s.height / 2 };
  };
  return {
    drawnAt: null,
    shapeCount: () => excalidraw.getSceneElements().length,
    fit: () => excalidraw.scrollToContent(undefined, { fitToContent: true }),
    zoom: () => excalidraw.getAppState().zoom.value,
    zoomAtCentre(scale) {
      const { scrollX, scrollY, zoom } = excalidraw.getAppState();
      const c = centre();
      excalidraw.updateScene({
        appState: {
          scrollX: zoomedOffset(scrollX, c.x, zoom.value, scale),
          scrollY: zoomedOffset(scrollY, c.y, zoom.value, scale),
          zoom: { value: scale as NormalizedZoomValue },
        },
      });
    },
    noteNearCentre() {
      const { scrollX, scrollY, zoom, offsetLeft, offsetTop } = excalidraw.getAppState();
      const c = centre();
      const near = nearestNote(board, { x: c.x / zoom.value - scrollX, y: c.y / zoom.value - scrollY });
      return {
        x: (near.x + scrollX) * zoom.value + offsetLeft,
        y: (near.y + scrollY) * zoom.value + offsetTop,
        index: near.index,
      };
    },
    notePosition(i) {
      const e = excalidraw.getSceneElements().find((el) => el.id === `note-${i}`);
      return e ? { x: e.x, y: e.y } : null;
    },
  };
}

const board = await loadBoard();
const { elements } = elementsOf(board);
let api: PeerApi | null = null;
createRoot(document.getElementById('root')!).render(
  <Excalidraw
    initialData={{ elements, scrollToContent: true }}
    excalidrawAPI={(excalidraw) => {
      api = expose(excalidraw, board);
      window.__peer = api;
    }}
    onChange={(drawn) => {
      if (api && api.drawnAt === null && drawn.length > 0) markDrawn(api);
    }}
  />,
);
