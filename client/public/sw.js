// Journeyboard's service worker: keeps the app shell (index.html and the built assets) so that a
// board opened before can be reopened, and worked on, without a network. The board itself comes
// from the device's IndexedDB copy (y-indexeddb) and syncs when the server is reachable again.
// Navigations are network-first (a new deploy is picked up at once); hashed assets cache-first.
// The API and the WebSocket are never touched.
const SHELL = 'journeyboard-shell-v1';
/** Every script and style of the build (vite.config.ts writes it). */
const ASSET_LIST = '/app-assets.json';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      try {
        const res = await fetch('/', { cache: 'no-cache' });
        if (res.ok) {
          const html = await res.clone().text();
          await cache.put('/', res);
          const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
          await cache.addAll(assets);
        }
      } catch {
        // Offline while installing: the runtime cache below fills in later.
      }
      await self.skipWaiting();
    })(),
  );
});

// The scripts a board loads on first use (panels, dialogs, the KPI chart, exports), when the page
// says its first render is done (serviceWorker.ts), not while it is drawing: kept too, so such a
// view opened first while offline works.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'keep-all-assets') event.waitUntil(keepAllAssets());
});

async function keepAllAssets() {
  const list = await fetch(ASSET_LIST, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  const cache = await caches.open(SHELL);
  await Promise.allSettled(list.map(async (asset) => (await cache.match(asset)) ?? cache.add(asset)));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            void caches.open(SHELL).then((c) => c.put('/', copy));
          }
          return res;
        })
        .catch(async () => (await caches.match('/')) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              void caches.open(SHELL).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
    );
  }
});
