import {
  importMeasurementsRequestSchema,
  importMeasurementsResponseSchema,
  measurementListResponseSchema,
  type ImportMeasurementsRequest,
} from '../../shared/protocol/kpiMeasurements.ts';
import type { KpiFailure, KpiService } from '../kpi/KpiService.ts';
import { boardCall, boardWriteCall, type BoardAccessDeps } from './boardAccess.ts';
import { apiRoute } from './apiRoute.ts';
import { readBody } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';
import { HttpError, sendJson } from './httpError.ts';
import type { HttpApp } from './httpEnv.ts';
import { z } from 'zod';

export interface KpiRoutesDeps extends BoardAccessDeps {
  readonly kpi: KpiService;
}

const KPI_ID = 'kpi:0123456789ab.nps';
const importExample: ImportMeasurementsRequest = {
  dryRun: true,
  kpis: [
    {
      stageId: 'stage:0123456789ab',
      metric: 'NPS',
      unit: 'pts',
      direction: 'higher',
      measurements: [{ period: '2026-03', value: 41, sampleSize: 320, source: 'Qualtrics export' }],
    },
  ],
};

/**
 * `GET /api/boards/:id/kpis/:kpiId/measurements` (any link that may view the board) and
 * `POST /api/boards/:id/measurements` (an editor's or facilitator's link). Parsing and access
 * only: KpiService owns the series. See docs/api.md, "KPI measurements".
 */
export function registerKpiRoutes(app: HttpApp, deps: KpiRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/kpis/{kpiId}/measurements',
      tags: ['KPI measurements'],
      summary: "A KPI's measurements, oldest first",
      description: 'A KPI id with no measurements answers an empty list.',
      security: BOARD_CALL,
      request: {
        params: boardIdParams.extend({
          kpiId: z.string().meta({ description: '`kpi:<stage id rest>.<metric key>`', example: KPI_ID }),
        }),
      },
      responses: {
        200: json('The series', measurementListResponseSchema, {
          kpiId: KPI_ID,
          measurements: [{ period: '2026-03', value: 41, sampleSize: 320, source: 'Qualtrics export' }],
        }),
        ...errors(400, 401, 403, 404),
      },
    },
    async (c) => {
      const { id } = await boardCall(deps, c);
      const result = await deps.kpi.measurements(id, c.req.param('kpiId') ?? '');
      if (!result.ok) throw refused(result);
      return sendJson(c, 200, result.value);
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/measurements',
      tags: ['KPI measurements'],
      summary: 'Import measurements, or preview the import (`dryRun`)',
      description:
        'Facilitator or editor; refused to an editor while the board is locked. A KPI missing on its stage is created; the same KPI and period again replaces the value. All or nothing, in one transaction. 409 when a stage is not on the board.',
      security: BOARD_CALL,
      request: { params: boardIdParams, body: jsonBody(importMeasurementsRequestSchema, importExample) },
      responses: {
        200: json('What was (or, with `dryRun`, would be) added and replaced', importMeasurementsResponseSchema, {
          dryRun: true,
          added: 1,
          replaced: 0,
          changes: [{ kpiId: KPI_ID, period: '2026-03', value: 41, replaces: null }],
        }),
        ...errors(400, 401, 403, 404, 409, 413, 415),
      },
    },
    async (c) => {
      const { id, access } = await boardWriteCall(deps, c, 'Only a facilitator or an editor can import measurements');
      const body = await readBody(c, importMeasurementsRequestSchema);
      const result = await deps.kpi.importMeasurements(id, body.kpis, body.dryRun, access.role);
      if (!result.ok) throw refused(result);
      return sendJson(c, 200, result.value);
    },
  );
}

function refused(f: KpiFailure): HttpError {
  if (f.code === 'board-locked') return new HttpError(403, 'forbidden', f.message);
  return new HttpError(f.code === 'stage-not-found' ? 409 : 400, 'invalid-request', f.message);
}
