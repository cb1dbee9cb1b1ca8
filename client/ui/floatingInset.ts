import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/** The bars that float at the bottom of the board, centred; side panels must end above them. */
const BOTTOM_BARS = '.toolbar, .voting-bar, .voting-dock, .pw-bar';

/** How far from the bottom of `main` the highest bottom bar reaches, in CSS pixels (0 when none). */
function bottomBarsInset(main: HTMLElement): number {
  const bottom = main.getBoundingClientRect().bottom;
  let inset = 0;
  for (const bar of main.querySelectorAll<HTMLElement>(BOTTOM_BARS))
    inset = Math.max(inset, bottom - bar.getBoundingClientRect().top);
  return Math.ceil(inset);
}

/**
 * Keeps `--bottom-bars` on `main` equal to the room the bottom bars take, so a side panel stops
 * above the voting bar, the private-writing bar and the toolbar instead of lying under them:
 * their height changes with the round, the timer and the window width, so it is measured.
 * `onInset` hears the same number (Fit keeps the board above the bars).
 */
export function useBottomBarsInset(mainRef: RefObject<HTMLElement | null>, onInset: (px: number) => void): void {
  // The latest callback, read when measuring: the observers stay, the callback may change (a new session).
  const latest = useRef(onInset);
  useLayoutEffect(() => {
    latest.current = onInset;
  });
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const inset = bottomBarsInset(main);
        main.style.setProperty('--bottom-bars', `${inset}px`);
        latest.current(inset);
      });
    };
    const resized = new ResizeObserver(measure);
    const watchBars = () => {
      resized.disconnect();
      resized.observe(main);
      for (const bar of main.querySelectorAll<HTMLElement>(BOTTOM_BARS)) resized.observe(bar);
      measure();
    };
    // Bars come and go (a round opens, private writing starts): watch the direct children only.
    const added = new MutationObserver(watchBars);
    added.observe(main, { childList: true });
    watchBars();
    return () => {
      cancelAnimationFrame(frame);
      added.disconnect();
      resized.disconnect();
    };
  }, [mainRef]);
}
