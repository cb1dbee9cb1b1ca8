import type Konva from 'konva';
import { useRef } from 'react';
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

/** `v` (board units) moved to the nearest whole device pixel, for a transform of `scale` and `offset` (device pixels). */
export function onDevicePixel(v: number, scale: number, offset: number): number {
  return (Math.round(v * scale + offset) - offset) / scale;
}

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
 * (cacheRatioFor), so a zoom re-draws bitmaps only when it crosses a bucket.
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
        for (const n of notes) {
          const bitmap = noteBitmaps.get(n.look, ratio);
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
