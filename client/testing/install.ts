import type { BoardSession } from '../board/BoardSession.ts';

/**
 * Installs `window.__journeyboard` in test builds only (`vite build --mode test`); in a
 * production build this branch is dropped and the test API is never bundled.
 */
export function installTestApi(session: BoardSession): () => void {
  if (import.meta.env.MODE !== 'test') return () => {};
  let uninstall = () => {};
  let cancelled = false;
  void import('./testApi.ts').then((m) => {
    if (!cancelled) uninstall = m.installTestApi(session);
  });
  return () => {
    cancelled = true;
    uninstall();
  };
}
