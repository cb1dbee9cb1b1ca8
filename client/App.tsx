import { lazy, Suspense } from 'react';
import { boardIdFromPath } from './boot/prefetchBoard.ts';
import { BoardPage } from './pages/BoardPage.tsx';
import { JOIN_DEVICE_PATH } from '../shared/protocol/deviceTransfer.ts';

// A board, the heavy route, is in the first script (no second round trip); the home page's code
// (templates preview, import) loads only on the home page.
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const JoinDevicePage = lazy(() => import('./pages/JoinDevicePage.tsx').then((m) => ({ default: m.JoinDevicePage })));

/**
 * Three routes: `/` (home), `/b/<id>` (a board) and `/join-device` (taking an identity over from
 * another device). Full page loads between them keep it simple.
 */
export function App() {
  const boardId = boardIdFromPath(window.location.pathname);
  const page = boardId ? (
    <BoardPage boardId={boardId} />
  ) : window.location.pathname === JOIN_DEVICE_PATH ? (
    <JoinDevicePage />
  ) : (
    <HomePage />
  );
  return <Suspense fallback={null}>{page}</Suspense>;
}
