import { useSyncExternalStore } from 'react';

/** Below this width a screen is a phone: panels open as full-screen sheets, the list view is offered first. */
export const PHONE_MAX = 600;

const subscribeResize = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};

/**
 * The screen's width in CSS px as the media queries see it, live (rotation, a resized window).
 * Not `innerWidth`: a phone zooms out to show content wider than the screen, `innerWidth` grows
 * with it, and a bar laid out for that width would keep itself too wide.
 */
export function useViewportWidth(): number {
  return useSyncExternalStore(subscribeResize, () => document.documentElement.clientWidth);
}

export function useIsPhone(): boolean {
  return useViewportWidth() < PHONE_MAX;
}
