import { usableCamera } from '../geometry/openingView.ts';
import type { Camera } from '../geometry/camera.ts';
import type { BoardSession } from './BoardSession.ts';

const KEY = 'journeyboard.view.';
const SAVE_AFTER_MS = 600;

interface KeptView {
  readonly camera: Camera;
  readonly width: number;
}

/**
 * Where this person last looked at this board on this device, if the screen is about as wide as
 * then (a view kept on a laptop would show a phone a corner of nothing).
 */
export function recallView(boardId: string, viewport: { width: number }): Camera | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY + boardId) ?? 'null') as Partial<KeptView> | null;
    const camera = usableCamera(kept?.camera);
    if (!camera || typeof kept?.width !== 'number') return null;
    return Math.abs(kept.width - viewport.width) <= viewport.width / 4 ? camera : null;
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
