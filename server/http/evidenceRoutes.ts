import { z } from 'zod';
import {
  type EvidenceImportRequest,
  evidenceImportRequestSchema,
  evidenceImportResponseSchema,
  verbatimListResponseSchema,
} from '../../shared/protocol/evidence.ts';
import type { KpiService } from '../kpi/KpiService.ts';
import { apiRoute } from './apiRoute.ts';
import { type BoardAccessDeps, boardCall, boardWriteCall } from './boardAccess.ts';
import type { HttpApp } from './httpEnv.ts';
import { BULK_BODY_BYTES, jsonBodyLimit, readBody } from './jsonBody.ts';
import { sendKpiResult } from './kpiAnswers.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';

export interface EvidenceRoutesDeps extends BoardAccessDeps {
  readonly kpi: KpiService;
}

const STAGE = 'stage:0123456789ab';
const example: EvidenceImportRequest = {
  stageId: STAGE,
  metric: 'NPS',
  granularity: 'month',
  source: 'Survey March.csv',
  csv: 'text,score,date,channel\n"Card refused, twice",3,2026-03-14,email\nFast and easy,10,2026-03-15,app\n',
  dryRun: true,
};
const TAG = ['Evidence'];

/**
 * `POST /api/boards/:id/evidence` (a facilitator's or editor's link) and
 * `GET /api/boards/:id/stages/:stageId/verbatims` (any link that may view the board). Parsing
 * and access only: KpiService reads the file and writes measurements and verbatims together.
 */
export function registerEvidenceRoutes(app: HttpApp, deps: EvidenceRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/evidence',
      tags: TAG,
      summary: 'Import a survey or support export: the metric per period, and the verbatims',
      description:
        'The CSV (`text,score,date,channel`, optionally `stage,touchpoint`) goes in `csv`. CSAT is the % of 4–5 on 1–5, NPS % promoters (9–10) minus % detractors (0–6) on 0–10, CES the mean on 1–7; one measurement per period with scores, on the KPI named by `metric` of each stage. Responses with words are kept as verbatims (the newest 300 per stage). Facilitator or editor; all or nothing: a refused file lists every bad line in `error.rows`.',
      security: BOARD_CALL,
      request: { params: boardIdParams, body: jsonBody(evidenceImportRequestSchema, example) },
      responses: {
        200: json('What was (or, with `dryRun`, would be) written', evidenceImportResponseSchema, {
          dryRun: true,
          responses: 2,
          verbatims: 2,
          measurements: [
            {
              stageId: STAGE,
              kpiId: 'kpi:0123456789ab.nps',
              period: '2026-03',
              value: 0,
              sampleSize: 2,
              replaces: null,
            },
          ],
        }),
        ...errors(400, 401, 403, 404, 409, 413, 415),
      },
    },
    jsonBodyLimit(BULK_BODY_BYTES),
    async (c) => {
      const { id, access } = await boardWriteCall(deps, c, 'Only a facilitator or an editor can import evidence');
      const body = await readBody(c, evidenceImportRequestSchema);
      const result = await deps.kpi.importEvidence(id, body, access.role);
      return sendKpiResult(c, result);
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/stages/{stageId}/verbatims',
      tags: TAG,
      summary: "A stage's verbatims, newest first",
      security: BOARD_CALL,
      request: {
        params: boardIdParams.extend({
          stageId: z.string().meta({ description: 'The stage id', example: STAGE }),
        }),
      },
      responses: {
        200: json('The verbatims', verbatimListResponseSchema, {
          verbatims: [
            {
              id: 'vb_0123456789abcdef',
              stageId: STAGE,
              text: 'Card refused, twice',
              score: 3,
              metric: 'NPS',
              day: '2026-03-14',
              channel: 'email',
              touchpoint: null,
              source: 'Survey March.csv',
              line: 2,
            },
          ],
        }),
        ...errors(400, 401, 403, 404),
      },
    },
    async (c) => {
      const { id } = await boardCall(deps, c);
      const result = await deps.kpi.verbatims(id, c.req.param('stageId') ?? '');
      return sendKpiResult(c, result);
    },
  );
}
