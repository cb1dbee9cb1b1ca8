import type { Repositories } from '../repositories/Repositories.ts';
import type { IncomingMessage } from 'node:http';
import { TEMPLATES } from '../../shared/index.ts';
import {
  isBoardId,
  templateInfoSchema,
  templatesResponseSchema,
  type TemplatesResponse,
} from '../../shared/protocol/http.ts';
import { saveTemplateRequestSchema, templateInfo } from '../../shared/protocol/templates.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { CorruptBoardError } from '../storage/BoardStore.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import type { SavedTemplates } from '../templates/SavedTemplates.ts';
import { bearerToken, headerToken, sameSecret } from './bearerToken.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { withSourcesShownTo } from './templateSources.ts';
import { apiRoute } from './apiRoute.ts';
import { readJson } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody, needs } from './openapiParts.ts';
import { z } from 'zod';
import { HttpError, invalidRequest, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp } from './httpEnv.ts';

const BUILT_IN_EXAMPLE: z.infer<typeof templateInfoSchema> = {
  id: 'ecommerce',
  name: 'E-commerce checkout',
  description: 'From discovery to delivery',
  stages: ['Discover', 'Choose', 'Pay', 'Receive'],
  lanes: [
    { name: 'Doing', kind: 'action' },
    { name: 'Pain points', kind: 'pain' },
  ],
  noteCount: 12,
  source: 'builtin',
  personaCount: 1,
  kpiCount: 2,
};

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
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/templates',
      tags: ['Templates'],
      summary: 'The templates a board can start from',
      description:
        "Built-in ones, then those saved on this server (to whoever may create boards). A saved one shows the board it came from only to that board's facilitator (`x-journeyboard-links`) or the operator.",
      security: [{}, needs('createToken')],
      responses: {
        200: json('Built-in, then saved', templatesResponseSchema, [BUILT_IN_EXAMPLE]),
      },
    },
    async (c) => {
      const req = c.env.incoming;
      const builtIn = TEMPLATES.map((t) => templateInfo(t, 'builtin'));
      const operator = !!deps.createToken && sameSecret(headerToken(req), deps.createToken);
      const saved = mayCreate(deps, req)
        ? await withSourcesShownTo(await deps.savedTemplates.list(), req, { links: deps.links, operator })
        : [];
      const answer: TemplatesResponse = [...builtIn, ...saved];
      return sendJson(c, 200, answer);
    },
  );

  apiRoute(
    app,
    {
      method: 'delete',
      path: '/api/templates/{id}',
      tags: ['Templates'],
      summary: 'Remove a saved template',
      description: 'By the facilitator of the board it was saved from, or the operator (CREATE_TOKEN).',
      security: [needs('shareLink'), needs('createToken')],
      request: { params: z.object({ id: z.string().meta({ example: 'saved-0123456789ab' }) }) },
      responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
    },
    async (c) => {
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
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/template',
      tags: ['Templates'],
      summary: 'Save a board as a template',
      description: 'Its facilitator only. Stages, lanes, personas, KPIs and notes become a template on this server.',
      security: BOARD_CALL,
      request: {
        params: boardIdParams,
        body: jsonBody(saveTemplateRequestSchema, { name: 'Our checkout', description: 'Stages we always use' }, false),
      },
      responses: {
        201: json('Saved', templateInfoSchema, {
          ...BUILT_IN_EXAMPLE,
          id: 'saved-0123456789ab',
          source: 'saved',
          createdAt: 1767225600000,
        }),
        ...errors(400, 401, 403, 404, 409, 413, 415, 500),
      },
    },
    async (c) => {
      const id = c.req.param('id') ?? '';
      if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
      const role = (await requireAccess(deps, id, c.env.incoming, requestUrl(c))).role;
      if (role !== 'facilitator')
        throw new HttpError(403, 'forbidden', 'Only the board’s facilitator may save it as a template');
      const body = saveTemplateRequestSchema.safeParse((await readJson(c)) ?? {});
      if (!body.success) throw invalidRequest(body.error.issues);
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
    },
  );
}

function mayCreate(deps: TemplateRoutesDeps, req: IncomingMessage): boolean {
  return !deps.createToken || sameSecret(headerToken(req), deps.createToken);
}
