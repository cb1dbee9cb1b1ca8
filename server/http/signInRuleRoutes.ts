import { z } from 'zod';
import { isBoardId } from '../../shared/protocol/http.ts';
import type { AccountRepository } from '../identity/AccountRepository.ts';
import { MEMBERS_DOMAIN } from '../identity/MembersOnly.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { readJsonBody } from './readJsonBody.ts';
import { HttpError, sendJson } from './respond.ts';
import type { RouteContext, Router } from './router.ts';

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
export function registerSignInRuleRoutes(router: Router, deps: SignInRuleRoutesDeps): void {
  router.on('GET', '/api/boards/:id/sign-in-rule', async ({ req, res, url, params }) => {
    const boardId = boardIdOf(params);
    await requireAccess(deps, boardId, req, url);
    sendJson(res, 200, { membersDomain: await deps.accounts.membersDomain(boardId) });
  });
  router.on('PUT', '/api/boards/:id/sign-in-rule', (ctx) => update(ctx, deps));
}

async function update({ req, res, url, params }: RouteContext, deps: SignInRuleRoutesDeps): Promise<void> {
  const boardId = boardIdOf(params);
  if ((await requireAccess(deps, boardId, req, url)).role !== 'facilitator')
    throw new HttpError(403, 'forbidden', 'Only a facilitator sets who may edit and vote');
  const parsed = bodySchema.safeParse(await readJsonBody(req, 4096));
  if (!parsed.success)
    throw new HttpError(
      400,
      'invalid-request',
      `membersDomain ${parsed.error.issues[0]?.message ?? 'is invalid'} (or null for anyone with a link)`,
    );
  await deps.accounts.setMembersDomain(boardId, parsed.data.membersDomain);
  // New connections follow the rule; people already on the board keep their rights until they reconnect.
  sendJson(res, 200, { membersDomain: parsed.data.membersDomain });
}

function boardIdOf(params: Readonly<Record<string, string>>): string {
  const boardId = params.id ?? '';
  if (!isBoardId(boardId)) throw new HttpError(404, 'not-found', `There is no board "${boardId}"`);
  return boardId;
}
