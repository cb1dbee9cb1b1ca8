import { keptCamera } from '../geometry/openingView.ts';
import type { Camera } from '../geometry/camera.ts';
import type { BoardSession } from './BoardSession.ts';

const KEY = 'journeyboard.view.';
const SAVE_AFTER_MS = 600;

interface KeptView {
  readonly camera: Camera;
  readonly width: number;
}

/** Where this person last looked at this board on this device, if it suits this screen (keptCamera). */
export function recallView(boardId: string, viewport: { width: number }): Camera | null {
  try {
    return keptCamera(JSON.parse(localStorage.getItem(KEY + boardId) ?? 'null'), viewport.width);
  } catch {
    return null; // unreadable or blocked storage: open as a first visit
  }
}

/** Keeps the view as the person moves it (a little after they stop), until the returned function is called. */
export function keepView(session: BoardSession): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = session.editor.get().camera;
  const save = () => {
    timer = null;
    const { camera, viewport } = session.editor.get();
    const kept: KeptView = { camera, width: viewport.width };
    try {
      localStorage.setItem(KEY + session.boardId, JSON.stringify(kept));
    } catch {
      // Storage full or blocked: the next visit opens at the opening view.
    }
  };
  const off = session.editor.subscribe(() => {
    const { camera } = session.editor.get();
    if (camera === last) return;
    last = camera;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
