import { useSyncExternalStore } from 'react';

/** Below this width a screen is a phone: panels open as full-screen sheets, the list view is offered first. */
export const PHONE_MAX = 600;

const subscribeResize = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};

/** The window's width in CSS px, live (rotation, a resized window). */
export function useViewportWidth(): number {
  return useSyncExternalStore(subscribeResize, () => window.innerWidth);
}

export function useIsPhone(): boolean {
  return useViewportWidth() < PHONE_MAX;
}
