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
      .catch((error: unknown) => console.warn('[journeyboard] no offline app shell:', error));
  });
}
