import type { NoteId } from '../../shared/index.ts';
import { fitRect, zoomAt } from '../geometry/camera.ts';
import { ledView, openingCamera } from '../geometry/openingView.ts';
import { recallView } from './rememberedView.ts';
import type { BoardSession } from './BoardSession.ts';
import { cameraForView } from './workshop/followCamera.ts';

/** Fits the whole board above the bottom bars, so the KPI row is never under the toolbar. */
export function fitBoard(session: BoardSession): void {
  const layout = session.layouts.layoutFor(session.model.source.getSnapshot());
  const { viewport, bottomInset } = session.editor.get();
  const margin = 40;
  // The bars stand in the bottom margin; leave the board 12 px clear of the highest one.
  const room = { width: viewport.width, height: viewport.height - Math.max(0, bottomInset + 12 - margin) };
  const camera = fitRect({ x: 0, y: 0, width: layout.width, height: layout.height }, room, margin);
  session.editor.update({ camera, lastFit: camera, fitted: true });
}

/**
 * The first view of a board: where this person left it on this device, else the opening view
 * (openingCamera: the whole board when readable, the first stage column on a phone, else the
 * top-left corner); then the view the facilitator leads others through, once others are heard
 * (joinLedView). Fit shows it all on request. Returns the function that stops waiting for them.
 */
export function openBoardView(session: BoardSession): () => void {
  fitBoard(session);
  const { camera: fit, viewport } = session.editor.get();
  const layout = session.layouts.layoutFor(session.model.source.getSnapshot());
  const camera = recallView(session.boardId, viewport) ?? openingCamera(layout, viewport, fit);
  if (camera !== fit) session.editor.update({ camera, lastFit: null });
  return joinLedView(session);
}

/**
 * Moves to the led view (ledView) when the first others are heard. A board often opens from the
 * prefetched or local copy, before the server's first reply brings who is here; a person who has
 * moved the view by then keeps it.
 */
function joinLedView(session: BoardSession): () => void {
  const opened = session.editor.get().camera;
  const check = () => {
    const { camera, viewport } = session.editor.get();
    if (camera !== opened) return stop();
    const peers = session.presence.getPeers();
    if (peers.length === 0) return;
    stop();
    const led = ledView(peers);
    if (led) session.editor.update({ camera: cameraForView(led, viewport), lastFit: null });
  };
  const stop = session.presence.subscribe(check);
  check();
  return stop;
}

/** The bottom bars grew or shrank: a board still at its fitted view is fitted again. */
export function setBottomInset(session: BoardSession, px: number): void {
  const { camera, lastFit, bottomInset } = session.editor.get();
  if (px === bottomInset) return;
  session.editor.update({ bottomInset: px });
  if (camera === lastFit) fitBoard(session);
}

export function zoomBy(session: BoardSession, factor: number): void {
  const { camera, viewport } = session.editor.get();
  session.editor.update({ camera: zoomAt(camera, { x: viewport.width / 2, y: viewport.height / 2 }, factor) });
}

export function resetZoom(session: BoardSession): void {
  const { camera } = session.editor.get();
  zoomBy(session, 1 / camera.scale);
}

/** Pans so a note is in view (used after adding one off-screen). */
export function revealNote(session: BoardSession, id: NoteId): void {
  const r = session.layouts.layoutFor(session.model.source.getSnapshot()).notes.get(id);
  if (!r) return;
  const { camera, viewport } = session.editor.get();
  const sx = r.x * camera.scale + camera.x;
  const sy = r.y * camera.scale + camera.y;
  const margin = 60;
  let { x, y } = camera;
  if (sx < margin) x += margin - sx;
  if (sx + r.width * camera.scale > viewport.width - margin)
    x -= sx + r.width * camera.scale - (viewport.width - margin);
  if (sy < margin) y += margin - sy;
  if (sy + r.height * camera.scale > viewport.height - margin)
    y -= sy + r.height * camera.scale - (viewport.height - margin);
  session.editor.update({ camera: { ...camera, x, y } });
}

/** Centres a note in the viewport, zooming in to a readable scale if the board is far out. */
export function centreOnNote(session: BoardSession, id: NoteId): boolean {
  const r = session.layouts.layoutFor(session.model.source.getSnapshot()).notes.get(id);
  if (!r) return false;
  const { camera, viewport } = session.editor.get();
  const scale = Math.min(1.5, Math.max(camera.scale, 0.9));
  session.editor.update({
    camera: {
      scale,
      x: viewport.width / 2 - (r.x + r.width / 2) * scale,
      y: viewport.height / 2 - (r.y + r.height / 2) * scale,
    },
    fitted: true,
  });
  return true;
}
