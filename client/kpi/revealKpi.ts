import type { KpiId, StageId } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';

/** Pans so a KPI card is in view, then opens its editor (from the KPIs panel's table). */
export function openKpiEditor(session: BoardSession, stageId: StageId, kpiId: KpiId): void {
  const r = session.layouts.layoutFor(session.model.source.getSnapshot()).kpis.get(kpiId);
  const { camera, viewport } = session.editor.get();
  let { x, y } = camera;
  if (r) {
    const margin = 80;
    const sx = r.x * camera.scale + x;
    const sy = r.y * camera.scale + y;
    const w = r.width * camera.scale;
    const h = r.height * camera.scale;
    if (sx < margin || sx + w > viewport.width - margin) x += viewport.width / 2 - (sx + w / 2);
    if (sy < margin || sy + h > viewport.height - margin) y += viewport.height / 2 - (sy + h / 2);
  }
  session.editor.update({ camera: { ...camera, x, y }, kpiEditor: { stageId, kpiId }, panel: null });
}
