import { useSyncExternalStore } from 'react';

/** Below this width a screen is a phone: panels open as full-screen sheets, the list view is offered first. */
export const PHONE_MAX = 600;

/**
 * Read once and again on each resize, not at every render: reading `clientWidth` right after a pan
 * step moved the board (a CSS transform) forces a layout, and the overlays that follow the camera
 * render at every step (docs/performance.md).
 */
let width: number | null = null;
const listeners = new Set<() => void>();

function resized(): void {
  width = document.documentElement.clientWidth;
  for (const l of listeners) l();
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('resize', resized);
    width = null; // a resize before anyone listened
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size > 0) return;
    window.removeEventListener('resize', resized);
  };
}

/**
 * The screen's width in CSS px as the media queries see it, live (rotation, a resized window).
 * Not `innerWidth`: a phone zooms out to show content wider than the screen, `innerWidth` grows
 * with it, and a bar laid out for that width would keep itself too wide.
 */
export function useViewportWidth(): number {
  return useSyncExternalStore(subscribe, () => (width ??= document.documentElement.clientWidth));
}

export function useIsPhone(): boolean {
  return useViewportWidth() < PHONE_MAX;
}
