import Konva from 'konva';
import type { Canvas, SceneCanvas } from 'konva/lib/Canvas';
import { useRef } from 'react';
import type { NoteId } from '../../shared/index.ts';
import { Shape } from 'react-konva';
import { BITMAP_BOUNDS, NoteBitmaps } from './noteBitmaps.ts';
import { type NoteLook, NoteNode } from './shapes/noteNode.ts';

/** A note to draw: its look, where its top-left goes on the board, and its opacity. */
export interface PlacedNote {
  readonly look: NoteLook;
  readonly x: number;
  readonly y: number;
  readonly opacity: number;
}

let template: NoteNode | null = null;
/** The one Konva drawing of a note, set to each look in turn: no node tree per note. */
function noteTemplate(): NoteNode {
  template ??= new NoteNode();
  return template;
}

/** Every note bitmap of the page: the board's notes and the dragged ones share them. */
const noteBitmaps = new NoteBitmaps<HTMLCanvasElement>((look, ratio) =>
  noteTemplate()
    .set(look)
    .group.toCanvas({ ...BITMAP_BOUNDS, pixelRatio: ratio }),
);

/** Notes drawn from another zoom bucket's bitmap, to draw at their own when the page is idle. */
const pending = new Map<NoteId, { look: NoteLook; ratio: number }>();
const layers = new Set<Konva.Layer>();
let idle: number | null = null;
/** No new bitmap is started with less idle time left than this (one takes ~0.5-1 ms). */
const BITMAP_MS = 1;

/**
 * A zoom that crosses a bucket (a pinch, a zoom button) would otherwise draw every note's bitmap
 * again in its first frame: hundreds of them. It blits the old ones scaled instead, and draws the
 * new ones in idle slices, then the layers again once all are done.
 */
function redrawLater(look: NoteLook, ratio: number, shape: Konva.Shape | null): void {
  pending.set(look.note.id, { look, ratio });
  const layer = shape?.getLayer();
  if (layer) layers.add(layer);
  idle ??= whenIdle(drawPending);
}

function drawPending(deadline: IdleDeadline): void {
  idle = null;
  for (const [id, { look, ratio }] of pending) {
    if (!deadline.didTimeout && deadline.timeRemaining() < BITMAP_MS) break;
    pending.delete(id);
    noteBitmaps.get(look, ratio);
    if (deadline.didTimeout) break;
  }
  if (pending.size > 0) {
    idle = whenIdle(drawPending);
    return;
  }
  for (const layer of layers) layer.batchDraw();
  layers.clear();
}

/** No note is drawn from another zoom bucket's bitmap any more (the test API asks). */
export function bitmapsSettled(): boolean {
  return pending.size === 0 && idle === null;
}

function whenIdle(cb: (d: IdleDeadline) => void): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(cb, { timeout: 1000 });
  return setTimeout(() => cb({ didTimeout: true, timeRemaining: () => 0 }), 50) as unknown as number;
}

/** Each note drawn by the template itself, where the shape's context stands (board units). */
function drawLive(canvas: Canvas, notes: readonly PlacedNote[]): void {
  const node = noteTemplate();
  for (const n of notes) {
    node.set(n.look).group.setAttrs({ x: n.x, y: n.y, opacity: n.opacity });
    // The shape's scene canvas, typed as the base class by Konva's Context.
    node.group.drawScene(canvas as SceneCanvas);
  }
  node.group.setAttrs({ x: 0, y: 0, opacity: 1 });
}

/** `v` (board units) moved to the nearest whole device pixel, for a transform of `scale` and `offset` (device pixels). */
export function onDevicePixel(v: number, scale: number, offset: number): number {
  return (Math.round(v * scale + offset) - offset) / scale;
}

// A font that finishes loading (the theme's, the exports' emoji font) changes how texts look:
// bitmaps drawn before it would keep the fallback's glyphs, where live text takes the new font.
if (typeof document !== 'undefined' && document.fonts)
  document.fonts.addEventListener('loadingdone', () => {
    // Konva measures a text only when it changes: the template's would keep the fallback's widths.
    template?.group.destroy();
    template = null;
    noteBitmaps.clear();
    for (const stage of Konva.stages) stage.batchDraw();
  });

/** What each notes shape drew last (the test API rebuilds nodes from it: testing/noteProbes.ts). */
const drawnBy = new WeakMap<Konva.Shape, readonly PlacedNote[]>();

export function drawnNotes(shape: Konva.Shape): readonly PlacedNote[] {
  return drawnBy.get(shape) ?? [];
}

/**
 * Notes as one Konva shape that blits each note's bitmap (noteBitmaps.ts), drawing the bitmap
 * first when its note is new or changed or the zoom bucket moved. A pan past the drawn margin
 * costs a few hundred `drawImage` calls and a bitmap per note that came into the drawn area,
 * not React and Konva building ~15 nodes per note (docs/performance.md, section 21). Nothing
 * listens: hit-testing is geometry (hitTest.ts).
 *
 * `ratio` is the bitmaps' device pixels per board unit, a power of two at or above the zoom's
 * (cacheRatioFor), so a zoom re-draws bitmaps only when it crosses a bucket; 0 draws every note
 * directly, without bitmaps (an export: drawn once, at its own resolution).
 */
export function BlittedNotes({ notes, ratio }: { notes: readonly PlacedNote[]; ratio: number }) {
  const shape = useRef<Konva.Shape>(null);
  if (shape.current) drawnBy.set(shape.current, notes);
  return (
    <Shape
      ref={(node) => {
        shape.current = node;
        if (node) drawnBy.set(node, notes);
      }}
      name="notes-blit"
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const c = ctx._context;
        const alpha = c.globalAlpha;
        // Each bitmap starts on a whole device pixel: at its own zoom bucket it is then copied
        // pixel for pixel, where a fractional start would resample (blur) every text edge.
        const { a: sx, d: sy, e: ox, f: oy } = c.getTransform();
        if (ratio === 0) {
          drawLive(ctx.canvas, notes);
          return;
        }
        for (const n of notes) {
          const { bitmap, exact } = noteBitmaps.get(n.look, ratio, true);
          if (!exact) redrawLater(n.look, ratio, shape.current);
          c.globalAlpha = alpha * n.opacity;
          c.drawImage(
            bitmap,
            onDevicePixel(n.x + BITMAP_BOUNDS.x, sx, ox),
            onDevicePixel(n.y + BITMAP_BOUNDS.y, sy, oy),
            BITMAP_BOUNDS.width,
            BITMAP_BOUNDS.height,
          );
        }
        c.globalAlpha = alpha;
      }}
    />
  );
}
