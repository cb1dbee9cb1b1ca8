import {
  importMeasurementsRequestSchema,
  importMeasurementsResponseSchema,
  measurementListResponseSchema,
  type ImportMeasurementsRequest,
} from '../../shared/protocol/kpiMeasurements.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import type { KpiService } from '../kpi/KpiService.ts';
import { boardCall, boardWriteCall, type BoardAccessDeps } from './boardAccess.ts';
import { sendKpiResult } from './kpiAnswers.ts';
import { apiRoute } from './apiRoute.ts';
import { BULK_BODY_BYTES, jsonBodyLimit, readJson, readText } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, needs } from './openapiParts.ts';
import { HttpError, invalidRows, issueRows } from './httpError.ts';
import { headerToken } from './bearerToken.ts';
import type { IntegrationKeys } from '../kpi/IntegrationKeys.ts';
import { isIntegrationKey } from '../../shared/protocol/integrationKeys.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { z } from 'zod';

export interface KpiRoutesDeps extends BoardAccessDeps {
  readonly kpi: KpiService;
  readonly keys: IntegrationKeys;
}

const KPI_ID = 'kpi:0123456789ab.nps';
const CSV_EXAMPLE = 'stage,metric,date,value,sample_size,source\nCheckout,CSAT,2026-03-14,4.2,120,BI nightly\n';
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
 * `POST /api/boards/:id/measurements` (a board integration key, or an editor's or facilitator's
 * link; JSON or CSV). Parsing and access only: KpiService owns the series, IntegrationKeys the
 * keys. See docs/api.md, "KPI measurements" and "Integration keys".
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
      return sendKpiResult(c, result);
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/measurements',
      tags: ['KPI measurements'],
      summary: 'Import measurements (JSON or CSV), or preview the import (`dryRun`)',
      description:
        "Either a board integration key (`Authorization: Bearer jbk_…`, for a job) or a facilitator's or editor's share link (refused to an editor while the board is locked). JSON names stages by id; a CSV body (`Content-Type: text/csv`, the columns of the KPI CSV import: `stage,metric,date,value` and optionally `target,unit,direction,sample_size,source`) names them by name, and `?dryRun=true` previews it. A KPI missing on its stage is created; the same KPI and period again replaces the value. Up to 10,000 measurements and 8 MB. All or nothing, in one transaction: a refused request lists every bad row in `error.rows`. 409 when a stage is not on the board.",
      security: [needs('integrationKey'), ...BOARD_CALL],
      request: {
        params: boardIdParams,
        query: z.object({
          dryRun: z.enum(['true', 'false']).optional().meta({ description: 'CSV bodies: `true` previews' }),
        }),
        body: {
          required: true,
          content: {
            'application/json': { schema: importMeasurementsRequestSchema, example: importExample },
            'text/csv': { schema: z.string(), example: CSV_EXAMPLE },
          },
        },
      },
      responses: {
        200: json('What was (or, with `dryRun`, would be) added and replaced', importMeasurementsResponseSchema, {
          dryRun: true,
          added: 1,
          replaced: 0,
          changes: [{ kpiId: KPI_ID, period: '2026-03', value: 41, replaces: null }],
        }),
        ...errors(400, 401, 403, 404, 409, 413, 415, 429),
      },
    },
    jsonBodyLimit(BULK_BODY_BYTES),
    async (c) => {
      const id = boardIdOf(c);
      const key = headerToken(c.env.incoming);
      const role = key && isIntegrationKey(key) ? await keyRole(deps.keys, id, key) : await writerRole(c);
      const csv = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/csv');
      let result: Awaited<ReturnType<KpiService['importMeasurements']>>;
      if (csv) result = await deps.kpi.importCsv(id, await readText(c), c.req.query('dryRun') === 'true', role);
      else {
        const body = importMeasurementsRequestSchema.safeParse(await readJson(c));
        if (!body.success) throw invalidRows(issueRows(body.error.issues), 'problem');
        result = await deps.kpi.importMeasurements(id, body.data.kpis, body.data.dryRun, role);
      }
      return sendKpiResult(c, result);
    },
  );

  async function writerRole(c: HttpContext): Promise<Role> {
    const { access } = await boardWriteCall(deps, c, 'Only a facilitator or an editor can import measurements');
    return access.role;
  }
}

/** A job's key acts for the facilitator who made it, on measurements only (so a locked board still takes them). */
async function keyRole(keys: IntegrationKeys, boardId: string, key: string): Promise<Role> {
  const taken = await keys.authorise(boardId, key);
  if (!('code' in taken)) return 'facilitator';
  if (taken.code === 'rate-limited')
    throw new HttpError(
      429,
      'rate-limited',
      `This key sent too many requests; try again in ${taken.retryAfterSeconds} s`,
      {
        'Retry-After': String(taken.retryAfterSeconds),
      },
    );
  if (taken.code === 'other-board')
    throw new HttpError(403, 'forbidden', 'This integration key belongs to another board');
  throw new HttpError(401, 'unauthorized', 'This integration key is not valid: it was revoked, or never made', {
    'WWW-Authenticate': 'Bearer',
  });
}

function boardIdOf(c: HttpContext): string {
  const id = c.req.param('id') ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
  return id;
}
