import { useEffect, useState } from 'react';

/** Marked once per page: when the board is first drawn on screen. */
export const FIRST_DRAW_MARK = 'journeyboard:board-drawn';

/**
 * A performance mark (User Timing) at the animation frame that first draws the framed board:
 * Konva draws its layers in that frame's callbacks, before this one. The benchmark reads it
 * (bench/bigBoard), and so can anyone's DevTools: first render as the page saw it, from the
 * start of the navigation.
 */
export function useFirstDrawMark(drawn: boolean): void {
  useEffect(() => {
    if (!drawn || performance.getEntriesByName(FIRST_DRAW_MARK).length > 0) return;
    const frame = requestAnimationFrame(() => performance.mark(FIRST_DRAW_MARK));
    return () => cancelAnimationFrame(frame);
  }, [drawn]);
}

/**
 * False until the board's first frame is on screen, then true for good: what waits for it (the
 * notes of the pan margin, drawnArea.ts) is mounted in a task after that frame, not before it.
 */
export function useAfterFirstDraw(drawn: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!drawn || after) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [drawn, after]);
  return after;
}
