import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BoardSession } from '../board/BoardSession.ts';
import type { Camera } from '../geometry/camera.ts';
import { panMargin, type Shift, shiftFor } from '../geometry/drawnShift.ts';

/**
 * A pan that stops for this long, with no finger or button down on the canvas, is drawn again
 * around where it stopped, with its margin full again.
 */
const SETTLE_MS = 150;

/**
 * Panning and zooming move pixels already drawn instead of drawing the board again. The stage is
 * drawn `panMargin` CSS px larger than the canvas (`container`) on every side, at the *drawn*
 * camera this hook returns; while what was drawn still covers the canvas (drawnShift.ts), `shifter`
 * (the element holding the stage's canvases) is moved and scaled by a CSS transform and neither
 * React nor Konva does anything. A pan or zoom past that, or one that settles for SETTLE_MS,
 * draws the stage again at the camera (a zoom shows stretched pixels until then, as maps do).
 *
 * Invariant: what is on screen is always the board at the editor's camera (hit-testing, the
 * overlays and the test API read that camera), whether drawn by Konva or shifted by CSS: the
 * transform is reset in the same commit that gives Konva the new drawn camera, and Konva draws
 * it in the next animation frame, before that frame is painted.
 */
export function useDrawnCamera(
  session: BoardSession,
  container: RefObject<HTMLDivElement | null>,
  shifter: RefObject<HTMLDivElement | null>,
  viewport: { width: number; height: number },
): Camera {
  const { editor } = session;
  const [drawn, setDrawn] = useState(() => editor.get().camera);
  const latest = useRef(drawn);
  const margin = panMargin(viewport);
  // Pointers down on the canvas: while one is, a pan goes on, and a drawing now would be a
  // dropped frame. Kept across re-subscriptions (a viewport change mid-pan).
  const held = useRef(new Set<number>()).current;
  const released = useRef<() => void>(() => {});

  useEffect(() => {
    const area = container.current;
    const listeners = new AbortController();
    const release = (e: PointerEvent) => {
      held.delete(e.pointerId);
      released.current();
    };
    area?.addEventListener('pointerdown', (e) => held.add(e.pointerId), { signal: listeners.signal });
    area?.addEventListener('pointerup', release, { signal: listeners.signal });
    area?.addEventListener('pointercancel', release, { signal: listeners.signal });
    return () => listeners.abort();
  }, [container, held]);

  // The camera may have panned on since this drawing was asked for: shift by what is left.
  useLayoutEffect(() => {
    const shift = shiftFor(drawn, editor.get().camera, margin, viewport);
    if (shifter.current) shifter.current.style.transform = transformFor(shift);
  }, [drawn, shifter, editor, margin, viewport]);

  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | null = null;
    const redraw = (camera: Camera) => {
      if (settle !== null) clearTimeout(settle);
      settle = null;
      latest.current = camera;
      setDrawn(camera);
    };
    const follow = () => {
      const { camera } = editor.get();
      if (camera === latest.current) return;
      const shift = shiftFor(latest.current, camera, margin, viewport);
      if (!shift || !shifter.current) {
        redraw(camera);
        return;
      }
      shifter.current.style.transform = transformFor(shift);
      settleLater();
    };
    const settleLater = () => {
      if (settle !== null) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        const { camera } = editor.get();
        // Held, a pan waits; a stretched zoom does not (a pan starting right after a zoom button
        // would otherwise show the stretched drawing until it ends).
        const stretched = camera.scale !== latest.current.scale;
        if ((held.size === 0 || stretched) && camera !== latest.current) redraw(camera);
      }, SETTLE_MS);
    };
    released.current = settleLater;
    follow();
    const unsubscribe = editor.subscribe(follow);
    return () => {
      unsubscribe();
      if (settle !== null) clearTimeout(settle);
    };
  }, [editor, shifter, margin, viewport, held]);

  return drawn;
}

/**
 * No transform at all when nothing is shifted: the settled drawing is the plain canvas. A pan moves
 * by whole device pixels: a fractional one (a finger, a trackpad) would resample the drawing and
 * blur every text until the pan settles; the view is then at most half a device pixel off its camera.
 */
function transformFor(shift: Shift | null): string {
  if (!shift) return '';
  const ratio = window.devicePixelRatio || 1;
  const x = Math.round(shift.x * ratio) / ratio;
  const y = Math.round(shift.y * ratio) / ratio;
  if (shift.scale !== 1) return `translate(${shift.x}px, ${shift.y}px) scale(${shift.scale})`;
  return x === 0 && y === 0 ? '' : `translate(${x}px, ${y}px)`;
}
