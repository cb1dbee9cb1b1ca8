import type { ViewRect } from '../../../shared/index.ts';
import { MAX_SCALE, MIN_SCALE, visibleRect, type Camera } from '../../geometry/camera.ts';

type Size = { readonly width: number; readonly height: number };

/**
 * The camera that shows `view` (someone else's visible board area) in my viewport: all of it,
 * centred, at the largest scale that fits. Screens differ in size, so followers see at least
 * what the leader sees.
 */
export function cameraForView(view: ViewRect, viewport: Size): Camera {
  const scale = Math.min(
    MAX_SCALE,
    Math.max(MIN_SCALE, Math.min(viewport.width / view.width, viewport.height / view.height)),
  );
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;
  return { scale, x: viewport.width / 2 - cx * scale, y: viewport.height / 2 - cy * scale };
}

/** What I show, as others will follow it; null while the canvas has no size yet. */
export function viewOf(camera: Camera, viewport: Size): ViewRect | null {
  if (viewport.width <= 1 || viewport.height <= 1) return null;
  const r = visibleRect(camera, viewport);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) };
}

/** Two views differ enough to be worth sending (sub-pixel jitter is not). */
export function viewsDiffer(a: ViewRect | null, b: ViewRect | null): boolean {
  if (!a || !b) return a !== b;
  const tolerance = Math.max(a.width, b.width) / 500;
  return (
    Math.abs(a.x - b.x) > tolerance ||
    Math.abs(a.y - b.y) > tolerance ||
    Math.abs(a.width - b.width) > tolerance ||
    Math.abs(a.height - b.height) > tolerance
  );
}
