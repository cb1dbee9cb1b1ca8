import { importMeasurementsRequestSchema } from '../../shared/protocol/kpiMeasurements.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import { canWrite } from '../../shared/protocol/roles.ts';
import type { KpiFailure, KpiService } from '../kpi/KpiService.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { readJsonBody } from './readJsonBody.ts';
import { HttpError, sendJson } from './respond.ts';
import type { RouteContext, Router } from './router.ts';

export interface KpiRoutesDeps extends BoardAccessDeps {
  readonly kpi: KpiService;
  readonly maxBodyBytes: number;
}

/**
 * `GET /api/boards/:id/kpis/:kpiId/measurements` (any link that may view the board) and
 * `POST /api/boards/:id/measurements` (an editor's or facilitator's link). Parsing and access
 * only: KpiService owns the series. See docs/api.md, "KPI measurements".
 */
export function registerKpiRoutes(router: Router, deps: KpiRoutesDeps): void {
  const board = async (ctx: RouteContext) => {
    const id = ctx.params.id ?? '';
    if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
    return { id, access: await requireAccess(deps, id, ctx.req, ctx.url) };
  };

  router.on('GET', '/api/boards/:id/kpis/:kpiId/measurements', async (ctx) => {
    const { id } = await board(ctx);
    const result = await deps.kpi.measurements(id, ctx.params.kpiId ?? '');
    if (!result.ok) throw refused(result);
    sendJson(ctx.res, 200, result.value);
  });

  router.on('POST', '/api/boards/:id/measurements', async (ctx) => {
    const { id, access } = await board(ctx);
    if (!canWrite(access.role, 'board'))
      throw new HttpError(403, 'forbidden', 'Only a facilitator or an editor can import measurements');
    const body = importMeasurementsRequestSchema.safeParse(await readJsonBody(ctx.req, deps.maxBodyBytes));
    if (!body.success) {
      const issue = body.error.issues[0];
      const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      throw new HttpError(400, 'invalid-request', `${where}${issue?.message ?? 'Invalid request'}`);
    }
    const result = await deps.kpi.importMeasurements(id, body.data.kpis, body.data.dryRun, access.role);
    if (!result.ok) throw refused(result);
    sendJson(ctx.res, 200, result.value);
  });
}

function refused(f: KpiFailure): HttpError {
  if (f.code === 'board-locked') return new HttpError(403, 'forbidden', f.message);
  return new HttpError(f.code === 'stage-not-found' ? 409 : 400, 'invalid-request', f.message);
}
