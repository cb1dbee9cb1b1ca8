import type { StageId } from '../../shared/index.ts';
import { visibleRect, type Camera } from './camera.ts';
import type { BoardLayout } from './layout.ts';

/**
 * The stage at the middle of a view: the column under its centre, else the nearest one (a view
 * over the lane labels means the first stage). Null only for a board with no stages.
 */
export function stageInView(
  layout: BoardLayout,
  camera: Camera,
  viewport: { width: number; height: number },
): StageId | null {
  const view = visibleRect(camera, viewport);
  const centre = view.x + view.width / 2;
  let nearest: { id: StageId; distance: number } | null = null;
  for (const s of layout.stages) {
    const distance = centre < s.x ? s.x - centre : centre > s.x + s.width ? centre - s.x - s.width : 0;
    if (!nearest || distance < nearest.distance) nearest = { id: s.id, distance };
  }
  return nearest?.id ?? null;
}
