import { lazy, Suspense } from 'react';
import { BoardPage } from './pages/BoardPage.tsx';

// A board, the heavy route, is in the first script (no second round trip); the home page's code
// (templates preview, import) loads only on the home page.
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })));

/** Two routes: `/` (home) and `/b/<id>` (a board). Full page loads between them keep it simple. */
export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(window.location.pathname);
  return <Suspense fallback={null}>{match ? <BoardPage boardId={match[1]!} /> : <HomePage />}</Suspense>;
}
