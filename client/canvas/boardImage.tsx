import type Konva from 'konva';
import { createRoot } from 'react-dom/client';
import { Layer, Rect, Stage } from 'react-konva';
import type { BoardSnapshot, CurveGrouping } from '../../shared/index.ts';
import type { BoardLayouts } from '../board/BoardLayouts.ts';
import { stageAtCamera, visibleRect, type Camera } from '../geometry/camera.ts';
import { ConnectorsLayer } from './ConnectorsLayer.tsx';
import { EmotionCurveLayer } from './EmotionCurveLayer.tsx';
import { GridLayer } from './GridLayer.tsx';
import { KpiLayer } from './KpiLayer.tsx';
import { DETAIL_SCALE, NotesLayer } from './NotesLayer.tsx';

/** Space around the board in a whole-board image, in board units. */
const IMAGE_MARGIN = 24;
/** Page background behind the board, as on screen. */
const BACKGROUND = '#f1f3f6';
/**
 * Chromium refuses canvases past 16,384 px a side (and ~268 M px in all); a bigger board is drawn
 * at a lower ratio rather than failing.
 */
const MAX_SIDE = 16_384;
const MAX_AREA = 200_000_000;

export interface BoardImageOptions {
  /** `board`: every note, at 100% plus a margin; `view`: what the viewport shows now. */
  readonly area:
    | { readonly kind: 'board' }
    | {
        readonly kind: 'view';
        readonly camera: Camera;
        readonly viewport: { readonly width: number; readonly height: number };
      };
  readonly pixelRatio: number;
  readonly curveGrouping: CurveGrouping;
  /** The open board's layouts (my private drafts take room in them, as on screen). */
  readonly layouts: BoardLayouts;
}

export interface BoardImage {
  readonly dataUrl: string;
  /** Size in CSS pixels (board units for `board`); the PNG is this times `pixelRatio`. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
}

/** The size a whole-board image has, in board units (the layout plus the margin). */
function boardImageSize(board: BoardSnapshot, layouts: BoardLayouts): { width: number; height: number } {
  const layout = layouts.layoutFor(board);
  return { width: Math.ceil(layout.width + 2 * IMAGE_MARGIN), height: Math.ceil(layout.height + 2 * IMAGE_MARGIN) };
}

/**
 * Draws the board with the same layers as the screen (grid, emotion curve, KPI cards, connectors,
 * notes with their channel icons; no cursors, selection or hints) on a Konva stage of its own, off
 * screen, and returns a PNG data URL.
 * The live stage cannot be used for the whole board: it draws only the notes near the viewport.
 */
export function renderBoardImage(board: BoardSnapshot, options: BoardImageOptions): Promise<BoardImage> {
  const layout = options.layouts.layoutFor(board);
  const plotted = options.layouts.curveFor(board, options.curveGrouping);
  const size =
    options.area.kind === 'board'
      ? boardImageSize(board, options.layouts)
      : { width: Math.round(options.area.viewport.width), height: Math.round(options.area.viewport.height) };
  const camera: Camera =
    options.area.kind === 'board' ? { x: IMAGE_MARGIN, y: IMAGE_MARGIN, scale: 1 } : options.area.camera;
  const fit = Math.min(
    1,
    MAX_SIDE / (size.width * options.pixelRatio),
    MAX_SIDE / (size.height * options.pixelRatio),
    Math.sqrt(MAX_AREA / (size.width * size.height * options.pixelRatio ** 2)),
  );
  const pixelRatio = options.pixelRatio * fit;

  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${size.width + 100}px;top:0;width:${size.width}px;height:${size.height}px;pointer-events:none;`;
  document.body.append(host);
  const root = createRoot(host);
  return new Promise<BoardImage>((resolve, reject) => {
    let started = false;
    const done = (stage: Konva.Stage | null) => {
      if (!stage || started) return;
      started = true;
      // Once mounted, the layers are in the stage; toDataURL draws them all into one canvas.
      requestAnimationFrame(() => {
        try {
          resolve({ dataUrl: stage.toDataURL({ pixelRatio, mimeType: 'image/png' }), ...size, pixelRatio });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          root.unmount();
          host.remove();
        }
      });
    };
    const view = visibleRect(camera, size);
    // Transformed like the live stage: screen = board * scale + (x, y).
    root.render(
      <Stage ref={done} {...stageAtCamera(camera, size)}>
        <Layer listening={false}>
          <Rect {...view} fill={BACKGROUND} />
        </Layer>
        <Layer listening={false}>
          <GridLayer board={board} layout={layout} selectedHeader={null} showHints={false} />
          <KpiLayer board={board} layout={layout} selected={null} />
          {layout.curveBand && <EmotionCurveLayer band={layout.curveBand} plotted={plotted} hovered={null} />}
          <ConnectorsLayer
            routes={options.layouts.routesFor(board)}
            byId={new Map([...board.connectors, ...board.orphanConnectors].map((c) => [c.id, c]))}
            selected={null}
            drawing={null}
            showLabels={camera.scale >= DETAIL_SCALE}
          />
          {/* Every note (the live stage culls to the viewport), drawn directly: no bitmaps. */}
          <NotesLayer
            notes={board.notes}
            layout={layout}
            detailed={camera.scale >= DETAIL_SCALE}
            highlight={null}
            focusPersona={null}
            personas={board.personas}
            focusChannel={null}
            channels={board.channels}
            cacheRatio={0}
          />
        </Layer>
      </Stage>,
    );
  });
}
