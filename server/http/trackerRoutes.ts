import { z } from 'zod';
import {
  type CreateIssuesResponse,
  createIssuesRequestSchema,
  createIssuesResponseSchema,
  TRACKER_NAME,
  TRACKERS,
  type Tracker,
  trackersViewSchema,
} from '../../shared/protocol/trackers.ts';
import type { TrackerService } from '../trackers/TrackerService.ts';
import type { BoardAccessDeps } from './boardAccess.ts';
import { facilitatorRoutes } from './areaRoutes.ts';
import type { HttpApp } from './httpEnv.ts';
import { HttpError, sendJson } from './httpError.ts';
import { readBody } from './jsonBody.ts';
import { boardIdParams, errors, json, jsonBody } from './openapiParts.ts';
import { requestOrigin } from './readBoardDoc.ts';

export interface TrackerRoutesDeps extends BoardAccessDeps {
  readonly trackers: TrackerService;
  /** PUBLIC_URL: where each issue's link back to the board starts; default: the request's origin. */
  readonly publicUrl?: string | null;
}

const TAG = 'Issue trackers';
const trackerParams = boardIdParams.extend({
  tracker: z.enum(TRACKERS).meta({ description: 'Which tracker', example: 'github' }),
});

/**
 * Creating tracker issues for a board's actions: facilitators only (docs/api.md, "Issue
 * trackers"). Parsing and access here; TrackerService talks to the trackers and writes the links.
 */
export function registerTrackerRoutes(app: HttpApp, deps: TrackerRoutesDeps): void {
  const route = facilitatorRoutes(app, deps, { tag: TAG, refusal: 'Only a facilitator creates tracker issues' });

  route(
    {
      method: 'get',
      path: '/api/boards/{id}/trackers',
      summary: 'The trackers this server creates issues in (null: not set up); never a token',
      responses: {
        200: json('Where issues go', trackersViewSchema, {
          github: { repo: 'acme/journeys' },
          jira: { site: 'https://acme.atlassian.net', project: 'CX' },
        }),
      },
    },
    async (c) => {
      return sendJson(c, 200, deps.trackers.view());
    },
  );

  route(
    {
      method: 'post',
      path: '/api/boards/{id}/trackers/{tracker}/issues',
      summary: 'Create an issue for each chosen action and link it on the action',
      description:
        'One result per action, in the order asked: `created` (the link is now on the action), `exists` (the action had an issue already; nothing was sent) or `failed` with the reason (nothing recorded, so asking again is safe). 404 when the operator has not set this tracker up.',
      request: {
        params: trackerParams,
        body: jsonBody(createIssuesRequestSchema, { noteIds: ['note:k3j9x0a1b2c3', 'note:p0q1r2s3t4u5'] }),
      },
      responses: {
        200: json('What happened to each action', createIssuesResponseSchema, {
          tracker: 'github',
          results: [
            {
              noteId: 'note:k3j9x0a1b2c3',
              state: 'created',
              url: 'https://github.com/acme/journeys/issues/42',
              message: null,
            },
            {
              noteId: 'note:p0q1r2s3t4u5',
              state: 'failed',
              url: null,
              message: 'GitHub answered 401: Bad credentials',
            },
          ],
        } satisfies CreateIssuesResponse),
        ...errors(400, 413, 415),
      },
    },
    async (c, id) => {
      const tracker = c.req.param('tracker') as Tracker;
      if (!(TRACKERS as readonly string[]).includes(tracker) || !deps.trackers.isConfigured(tracker))
        throw new HttpError(
          404,
          'not-found',
          `${TRACKER_NAME[tracker] ?? 'This tracker'} is not set up on this server`,
        );
      const body = await readBody(c, createIssuesRequestSchema);
      const baseUrl = deps.publicUrl ?? requestOrigin(c.env.incoming);
      const results = await deps.trackers.createIssues(id, tracker, body.noteIds, baseUrl);
      return sendJson(c, 200, { tracker, results } satisfies CreateIssuesResponse);
    },
  );
}
