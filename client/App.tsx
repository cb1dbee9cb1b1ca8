import { BoardPage } from './pages/BoardPage.tsx';
import { HomePage } from './pages/HomePage.tsx';

/** Two routes: `/` (home) and `/b/<id>` (a board). Full page loads between them keep it simple. */
export function App() {
  const match = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/.exec(window.location.pathname);
  return match ? <BoardPage boardId={match[1]!} /> : <HomePage />;
}
