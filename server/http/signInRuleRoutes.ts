import { z } from 'zod';
import { isBoardId } from '../../shared/protocol/http.ts';
import type { AccountRepository } from '../identity/AccountRepository.ts';
import { MEMBERS_DOMAIN } from '../identity/MembersOnly.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { apiRoute } from './apiRoute.ts';
import { jsonBodyLimit, readJson } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';
import { HttpError, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';

export interface SignInRuleRoutesDeps extends BoardAccessDeps {
  readonly accounts: AccountRepository;
}

const bodySchema = z.object({
  membersDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(MEMBERS_DOMAIN, 'must be a domain such as example.com')
    .nullable(),
});

/**
 * `GET|PUT /api/boards/:id/sign-in-rule`: "only signed-in members of example.com may edit and
 * vote" (MembersOnly.ts). Any link reads it; only a facilitator sets or lifts it. Registered only
 * when company sign-in is configured: without it no one could be a member.
 */
export function registerSignInRuleRoutes(app: HttpApp, deps: SignInRuleRoutesDeps): void {
  const rule = json('The rule', bodySchema, { membersDomain: 'example.com' });
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/sign-in-rule',
      tags: ['Sign-in'],
      summary: 'Who may edit and vote',
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: { 200: rule, ...errors(401, 403, 404) },
    },
    async (c) => {
      const boardId = boardIdOf(c);
      await requireAccess(deps, boardId, c.env.incoming, requestUrl(c));
      return sendJson(c, 200, { membersDomain: await deps.accounts.membersDomain(boardId) });
    },
  );
  apiRoute(
    app,
    {
      method: 'put',
      path: '/api/boards/{id}/sign-in-rule',
      tags: ['Sign-in'],
      summary: 'Only signed-in members of a domain may edit and vote',
      description: 'Facilitator only; `null` lets anyone with a link in again.',
      security: BOARD_CALL,
      request: { params: boardIdParams, body: jsonBody(bodySchema, { membersDomain: 'example.com' }) },
      responses: { 200: rule, ...errors(400, 401, 403, 404, 413, 415) },
    },
    jsonBodyLimit(4096),
    (c) => update(c, deps),
  );
}

async function update(c: HttpContext, deps: SignInRuleRoutesDeps): Promise<Response> {
  const boardId = boardIdOf(c);
  if ((await requireAccess(deps, boardId, c.env.incoming, requestUrl(c))).role !== 'facilitator')
    throw new HttpError(403, 'forbidden', 'Only a facilitator sets who may edit and vote');
  const parsed = bodySchema.safeParse(await readJson(c));
  if (!parsed.success)
    throw new HttpError(
      400,
      'invalid-request',
      `membersDomain ${parsed.error.issues[0]?.message ?? 'is invalid'} (or null for anyone with a link)`,
    );
  await deps.accounts.setMembersDomain(boardId, parsed.data.membersDomain);
  // New connections follow the rule; people already on the board keep their rights until they reconnect.
  return sendJson(c, 200, { membersDomain: parsed.data.membersDomain });
}

function boardIdOf(c: HttpContext): string {
  const boardId = c.req.param('id') ?? '';
  if (!isBoardId(boardId)) throw new HttpError(404, 'not-found', `There is no board "${boardId}"`);
  return boardId;
}
