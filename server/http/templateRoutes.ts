import type { Repositories } from '../repositories/Repositories.ts';
import type { IncomingMessage } from 'node:http';
import { TEMPLATES } from '../../shared/index.ts';
import { isBoardId, type TemplatesResponse } from '../../shared/protocol/http.ts';
import { saveTemplateRequestSchema, templateInfo } from '../../shared/protocol/templates.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { CorruptBoardError } from '../storage/BoardStore.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import type { SavedTemplates } from '../templates/SavedTemplates.ts';
import { bearerToken, headerToken, sameSecret } from './bearerToken.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { withSourcesShownTo } from './templateSources.ts';
import { readJson } from './jsonBody.ts';
import { HttpError, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp } from './httpEnv.ts';

export interface TemplateRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly links: ShareLinks;
  readonly savedTemplates: SavedTemplates;
  readonly createToken?: string | null;
}

/**
 * `GET /api/templates` (built-in, then saved), `POST /api/boards/:id/template` (save a board as
 * a template; its facilitator only) and `DELETE /api/templates/:id` (remove a saved one: the
 * facilitator of the board it was saved from, or whoever holds CREATE_TOKEN). Saved templates
 * are listed to whoever may create boards here: everyone when CREATE_TOKEN is unset, else callers
 * with `Authorization: Bearer <CREATE_TOKEN>` (others get the built-in ones only); the board each
 * came from only to its facilitator or the operator (templateSources.ts). See docs/api.md.
 */
export function registerTemplateRoutes(app: HttpApp, deps: TemplateRoutesDeps): void {
  app.get('/api/templates', async (c) => {
    const req = c.env.incoming;
    const builtIn = TEMPLATES.map((t) => templateInfo(t, 'builtin'));
    const operator = !!deps.createToken && sameSecret(headerToken(req), deps.createToken);
    const saved = mayCreate(deps, req)
      ? await withSourcesShownTo(await deps.savedTemplates.list(), req, { links: deps.links, operator })
      : [];
    const answer: TemplatesResponse = [...builtIn, ...saved];
    return sendJson(c, 200, answer);
  });

  app.delete('/api/templates/:id', async (c) => {
    const id = c.req.param('id') ?? '';
    const req = c.env.incoming;
    const url = requestUrl(c);
    const source = await deps.savedTemplates.sourceBoardOf(id);
    if (source === null) throw new HttpError(404, 'not-found', `There is no saved template "${id}"`);
    const token = bearerToken(req, url);
    const operator = !!deps.createToken && sameSecret(headerToken(req), deps.createToken);
    if (!operator) {
      if (!token)
        throw new HttpError(
          401,
          'unauthorized',
          'Removing a saved template needs the facilitator link of the board it was saved from (Authorization: Bearer …)',
          { 'WWW-Authenticate': 'Bearer' },
        );
      // The source board may be gone: then only CREATE_TOKEN can remove it.
      if ((await deps.links.roleOf(source, token)) !== 'facilitator')
        throw new HttpError(
          403,
          'forbidden',
          'Only the facilitator of the board this template was saved from may remove it',
        );
    }
    await deps.savedTemplates.remove(id);
    return c.body(null, 204);
  });

  app.post('/api/boards/:id/template', async (c) => {
    const id = c.req.param('id') ?? '';
    if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
    const role = (await requireAccess(deps, id, c.env.incoming, requestUrl(c))).role;
    if (role !== 'facilitator')
      throw new HttpError(403, 'forbidden', 'Only the board’s facilitator may save it as a template');
    const body = saveTemplateRequestSchema.safeParse((await readJson(c)) ?? {});
    if (!body.success) {
      const issue = body.error.issues[0];
      throw new HttpError(
        400,
        'invalid-request',
        `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'Invalid request'}`,
      );
    }
    // The live document when the board is open (it may be ahead of the stored snapshot).
    const live = c.env.live.liveDocument(id);
    let loaded: Awaited<ReturnType<typeof loadBoardDoc>> = null;
    if (!live) {
      try {
        loaded = await loadBoardDoc(deps.store, id);
      } catch (error) {
        if (!(error instanceof CorruptBoardError)) throw error;
        throw new HttpError(500, 'board-unreadable', `Board ${id} exists but its stored data cannot be read`);
      }
      if (!loaded) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
    }
    try {
      const result = await deps.savedTemplates.save(id, live ?? loaded!.doc, body.data);
      if (!result.ok)
        throw new HttpError(
          409,
          'too-many-templates',
          'This server keeps as many saved templates as it allows; ask its operator to remove some',
        );
      return sendJson(c, 201, result.info, { Location: '/api/templates' });
    } finally {
      loaded?.doc.destroy();
    }
  });
}

function mayCreate(deps: TemplateRoutesDeps, req: IncomingMessage): boolean {
  return !deps.createToken || sameSecret(headerToken(req), deps.createToken);
}
