import { afterFirstRender } from './deferredStore.ts';

/**
 * Registers client/public/sw.js, which keeps the app shell so a board opened before can be
 * reopened offline (its content comes from IndexedDB). Browsers allow service workers on https
 * and on localhost only; elsewhere (plain http on a LAN) the app still works, just not reopened
 * offline.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => afterFirstRender(keepAllAssets))
      .catch((error: unknown) => console.warn('[journeyboard] no offline app shell:', error));
  });
}

/** Asks the worker to keep the scripts loaded on first use as well (sw.js), once the board is drawn. */
function keepAllAssets(): void {
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: 'keep-all-assets' }),
  );
}
