import type { Repositories } from '../repositories/Repositories.ts';
import {
  buildPriorityList,
  DEPARTMENTS,
  fileSlug,
  isRecordId,
  kpisToCompare,
  NOTE_KINDS,
  OUTCOME_DEFAULTS,
  parseRoundChoice,
  priorityCsv,
  priorityJsonText,
  priorityMarkdown,
  resolveRounds,
  type Department,
  type KpiId,
  type KpiPoint,
  type NoteKind,
  type PriorityFilters,
  type StageId,
} from '../../shared/index.ts';
import { isBoardId } from '../../shared/protocol/http.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import type { CommentsAccess } from '../comments/CommentsAccess.ts';
import { apiRoute } from './apiRoute.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { BOARD_CALL, boardIdParams, errors } from './openapiParts.ts';
import { z } from 'zod';
import { requestOrigin } from './readBoardDoc.ts';
import type { BoardSnapshots } from './boardSnapshots.ts';
import { HttpError } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';

export interface PriorityRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly links: ShareLinks;
  readonly comments: CommentsAccess;
  readonly boards: BoardSnapshots;
  readonly now?: () => number;
}

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8; header=present', render: 'csv' },
  md: { type: 'text/markdown; charset=utf-8', render: 'md' },
  json: { type: 'application/json; charset=utf-8', render: 'json' },
} as const;
type Format = keyof typeof FORMATS;

/**
 * `GET /api/boards/:id/priorities.csv|.md|.json?round=<latest|all|round id>&stage=&kind=&department=`:
 * the ranked priority list for anyone holding a link to the board (a viewer is enough). Only
 * revealed rounds count (an open round's ballots are on the server, never in the document).
 */
export function registerPriorityRoutes(app: HttpApp, deps: PriorityRoutesDeps): void {
  const query = z.object({
    round: z.string().optional().meta({ description: '`latest` (default), `all`, or a round id', example: 'latest' }),
    stage: z.array(z.string()).optional().meta({ description: 'Only notes in these stages (repeatable)' }),
    kind: z.array(z.enum(NOTE_KINDS)).optional().meta({ description: 'Only these note kinds (repeatable)' }),
    department: z
      .array(z.enum(DEPARTMENTS))
      .optional()
      .meta({ description: 'Votes of these departments (repeatable)' }),
    window: z
      .string()
      .optional()
      .meta({
        description: `"Did it work?": measurements on each side of "done", 1–${OUTCOME_DEFAULTS.maxWindow} (default ${OUTCOME_DEFAULTS.window})`,
        example: '3',
      }),
    token: z.string().optional().meta({ description: 'The share token, for a download link (instead of the header)' }),
  });
  for (const format of Object.keys(FORMATS) as Format[]) {
    apiRoute(
      app,
      {
        method: 'get',
        path: `/api/boards/{id}/priorities.${format}`,
        tags: ['Exports'],
        summary: `The priority list as ${format === 'md' ? 'Markdown' : format.toUpperCase()}`,
        description:
          'Ranked by revealed votes; a download (`Content-Disposition: attachment`). Columns and fields: docs/api.md, "Priority list".',
        security: BOARD_CALL,
        request: { params: boardIdParams, query },
        responses: {
          200: { description: 'The list', content: { [FORMATS[format].type]: { schema: { type: 'string' } } } },
          ...errors(400, 401, 403, 404, 500),
        },
      },
      (c) => sendPriorities(c, deps, format),
    );
  }
}

async function sendPriorities(c: HttpContext, deps: PriorityRoutesDeps, format: Format): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const url = requestUrl(c);
  if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
  await requireAccess(deps, id, c.env.incoming, url);
  const q = url.searchParams;
  const round = parseRoundChoice(q.get('round'));
  if (round === null)
    throw new HttpError(
      400,
      'invalid-request',
      `round: expected "latest", "all" or a round id (round:…), not "${q.get('round')}"`,
    );
  const filters = parseFilters(q);
  const outcomeWindow = parseWindow(q.get('window'));
  const generatedAt = new Date((deps.now ?? Date.now)()).toISOString();
  const comments = deps.comments.available ? await deps.comments.counts(id) : new Map();
  const baseUrl = requestOrigin(c.env.incoming);

  const board = await deps.boards.read(c.env.live, id);
  const resolved = resolveRounds(board, round);
  if (!resolved.ok) throw new HttpError(400, 'invalid-request', `round: ${resolved.message}`);
  // The whole series of each KPI a done action is compared on (the board mirrors only the latest).
  const series = new Map<KpiId, readonly KpiPoint[]>();
  for (const kpiId of kpisToCompare(board)) series.set(kpiId, await deps.store.kpi.series(id, kpiId));
  const list = buildPriorityList({
    series,
    outcomeWindow,
    board,
    round,
    commentCounts: comments,
    commentsIncluded: deps.comments.available,
    baseUrl,
    filters,
  });
  const body =
    format === 'csv'
      ? priorityCsv(list)
      : format === 'md'
        ? priorityMarkdown(list, board, generatedAt)
        : priorityJsonText(list, generatedAt);
  const title = board.meta.title;
  return sendFile(c, body, FORMATS[format].type, `${fileSlug(title)}-priorities.${format}`, {
    'X-Journeyboard-Comments-Included': String(deps.comments.available),
  });
}

function parseWindow(value: string | null): number {
  if (value === null || value === '') return OUTCOME_DEFAULTS.window;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > OUTCOME_DEFAULTS.maxWindow)
    throw new HttpError(
      400,
      'invalid-request',
      `window: expected a whole number of measurements from 1 to ${OUTCOME_DEFAULTS.maxWindow}, not "${value.slice(0, 20)}"`,
    );
  return n;
}

function parseFilters(q: URLSearchParams): PriorityFilters {
  const stageIds = q.getAll('stage').filter((s) => s !== '');
  for (const s of stageIds)
    if (!isRecordId('stage', s) || s.length > 128)
      throw new HttpError(400, 'invalid-request', `stage: "${s.slice(0, 40)}" is not a stage id`);
  const kinds = q.getAll('kind').filter((s) => s !== '');
  for (const k of kinds)
    if (!(NOTE_KINDS as readonly string[]).includes(k))
      throw new HttpError(400, 'invalid-request', `kind: expected one of ${NOTE_KINDS.join(', ')}`);
  const departments = q.getAll('department').filter((s) => s !== '');
  for (const d of departments)
    if (!(DEPARTMENTS as readonly string[]).includes(d))
      throw new HttpError(400, 'invalid-request', `department: expected one of ${DEPARTMENTS.join(', ')}`);
  return { stageIds: stageIds as StageId[], kinds: kinds as NoteKind[], departments: departments as Department[] };
}

/** A download: `Content-Disposition: attachment` with an ASCII file name. */
export function sendFile(
  c: HttpContext,
  body: string,
  contentType: string,
  filename: string,
  headers: Record<string, string> = {},
): Response {
  return c.body(body, 200, {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
    ...headers,
  });
}
