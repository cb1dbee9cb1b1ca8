import { lazy, Suspense } from 'react';
import { boardIdFromPath } from './boot/prefetchBoard.ts';
import { BoardPage } from './pages/BoardPage.tsx';

// A board, the heavy route, is in the first script (no second round trip); the home page's code
// (templates preview, import) loads only on the home page.
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })));

/** Two routes: `/` (home) and `/b/<id>` (a board). Full page loads between them keep it simple. */
export function App() {
  const boardId = boardIdFromPath(window.location.pathname);
  return <Suspense fallback={null}>{boardId ? <BoardPage boardId={boardId} /> : <HomePage />}</Suspense>;
}
