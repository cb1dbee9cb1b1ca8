import type { Repositories } from '../repositories/Repositories.ts';
import * as Y from 'yjs';
import {
  BOARD_ID_LENGTH,
  checkBoardBackup,
  COMMENTS_INCLUDED_HEADER,
  DEFAULT_REPAIR_LIMITS,
  exportBoardBackup,
  fileSlug,
  importBoardBackup,
  isBoardId,
  randomId,
  type ImportBoardResponse,
} from '../../shared/index.ts';
import { importBoardResponseSchema } from '../../shared/protocol/exports.ts';
import { z } from 'zod';
import { shareLinkPath, ROLES } from '../../shared/protocol/roles.ts';
import type { ShareLinks } from '../access/ShareLinks.ts';
import type { BoardLimits } from '../config/config.ts';
import type { CommentsAccess } from '../comments/CommentsAccess.ts';
import { headerToken, sameSecret } from './bearerToken.ts';
import { apiRoute } from './apiRoute.ts';
import { requireAccess, type BoardAccessDeps } from './boardAccess.ts';
import { BOARD_CALL, boardIdParams, errors, EXAMPLE_LINKS, json, jsonBody, needs } from './openapiParts.ts';
import { sendFile } from './priorityRoutes.ts';
import { readJson } from './jsonBody.ts';
import { withBoardDoc } from './readBoardDoc.ts';
import { HttpError, sendJson } from './httpError.ts';
import { requestUrl, type HttpApp, type HttpContext } from './httpEnv.ts';
import { log } from '../observability/log.ts';

export interface BackupRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly links: ShareLinks;
  readonly comments: CommentsAccess;
  readonly createToken?: string | null;
  readonly limits: Pick<BoardLimits, 'maxRecords' | 'maxDocumentBytes' | 'maxNoteLength'>;
  readonly now?: () => number;
}

/**
 * `GET /api/boards/:id/export.json` (any share link): the board backup (shared/export/backup.ts).
 * `POST /api/boards/import` (like `POST /api/boards`: CREATE_TOKEN when set, MAX_BODY_BYTES):
 * a new board with new share links from a backup; a bad file is a 400 naming the problem, and
 * nothing is created.
 */
export function registerBackupRoutes(app: HttpApp, deps: BackupRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/export.json',
      tags: ['Exports'],
      summary: 'The whole board as a backup file',
      description: 'Every record, and the comments when this server has them (`X-Journeyboard-Comments-Included`).',
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: {
        200: json('The backup (a download)', backupEnvelope, BACKUP_EXAMPLE),
        ...errors(401, 403, 404, 500),
      },
    },
    (c) => exportBoard(c, deps),
  );
  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/import',
      tags: ['Boards'],
      summary: 'A new board from a backup',
      description: 'New share links; a bad file is a 400 naming the problem, and nothing is created.',
      security: [{}, needs('createToken')],
      request: { body: jsonBody(backupEnvelope, BACKUP_EXAMPLE) },
      responses: {
        201: json('Created', importBoardResponseSchema, {
          id: 'k3j9x0a1b2c3',
          url: EXAMPLE_LINKS.facilitator,
          links: EXAMPLE_LINKS,
          warnings: [],
        }),
        ...errors(400, 401, 403, 413, 415),
      },
    },
    (c) => importBoard(c, deps),
  );
}

/** The backup's envelope; each record's fields are checked by the board schema on import (docs/schema.md). */
const backupEnvelope = z.looseObject({
  format: z.literal('journeyboard.board'),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  schemaVersion: z.number().int(),
  board: z.object({ id: z.string().optional(), title: z.string(), createdAt: z.number() }),
  meta: z.record(z.string(), z.unknown()).optional(),
  records: z.record(z.string(), z.record(z.string(), z.unknown())),
  commentsIncluded: z.boolean().optional(),
  comments: z.unknown().optional(),
});

const BACKUP_EXAMPLE = {
  format: 'journeyboard.board' as const,
  version: 1 as const,
  exportedAt: '2026-01-01T10:00:00.000Z',
  schemaVersion: 12,
  board: { id: 'k3j9x0a1b2c3', title: 'Checkout journey', createdAt: 1767225600000 },
  meta: {},
  records: { 'stage:a1': { type: 'stage', name: 'Discover', index: 'a0' } },
  commentsIncluded: false,
};

async function exportBoard(c: HttpContext, deps: BackupRoutesDeps): Promise<Response> {
  const id = c.req.param('id') ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'not-found', `There is no board "${id}"`);
  await requireAccess(deps, id, c.env.incoming, requestUrl(c));
  const comments = deps.comments.available ? await deps.comments.export(id) : null;
  const exportedAt = new Date((deps.now ?? Date.now)()).toISOString();
  const backup = await withBoardDoc(deps.store, c.env.live, id, (doc) =>
    exportBoardBackup(doc, { exportedAt, comments, commentsIncluded: deps.comments.available }),
  );
  return sendFile(
    c,
    `${JSON.stringify(backup, null, 2)}\n`,
    'application/json; charset=utf-8',
    `${fileSlug(backup.board.title)}-backup.json`,
    {
      [COMMENTS_INCLUDED_HEADER]: String(deps.comments.available),
    },
  );
}

async function importBoard(c: HttpContext, deps: BackupRoutesDeps): Promise<Response> {
  if (deps.createToken && !sameSecret(headerToken(c.env.incoming), deps.createToken)) {
    throw new HttpError(
      401,
      'unauthorized',
      'Creating boards on this server needs its creation token (Authorization: Bearer …)',
      { 'WWW-Authenticate': 'Bearer' },
    );
  }
  const body = await readJson(c);
  if (body === undefined)
    throw new HttpError(
      400,
      'invalid-request',
      'The request body is empty: send a board backup (the JSON of GET /api/boards/:id/export.json)',
    );
  const checked = checkBoardBackup(body, {
    ...DEFAULT_REPAIR_LIMITS,
    maxNoteLength: deps.limits.maxNoteLength,
    maxRecords: deps.limits.maxRecords,
  });
  if (!checked.ok)
    throw new HttpError(
      400,
      'invalid-request',
      `This is not a board backup this server can import: ${checked.message}`,
    );
  const { backup } = checked;

  const id = randomId(BOARD_ID_LENGTH);
  const doc = importBoardBackup(backup, id);
  let snapshot: Uint8Array;
  try {
    snapshot = Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
  if (snapshot.byteLength > deps.limits.maxDocumentBytes) {
    throw new HttpError(
      400,
      'invalid-request',
      `This board would be ${snapshot.byteLength} bytes, more than this server's limit of ${deps.limits.maxDocumentBytes}`,
    );
  }
  // Everything is checked: from here on the board is created.
  await deps.store.boards.createBoard({ id, title: backup.board.title, createdAt: (deps.now ?? Date.now)(), snapshot });
  const tokens = await deps.links.create(id);

  const warnings: string[] = [];
  if (backup.comments !== undefined && backup.comments !== null) {
    if (!deps.comments.available)
      warnings.push('The file’s comments were not imported: this server cannot import comments yet.');
    else {
      try {
        await deps.comments.restore(id, backup.comments);
      } catch (error) {
        log.error({ board: id, err: error }, 'comments from an imported backup were not imported');
        warnings.push(
          `The file’s comments were not imported: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  const links = Object.fromEntries(
    ROLES.map((role) => [role, shareLinkPath(id, tokens[role])]),
  ) as ImportBoardResponse['links'];
  const answer: ImportBoardResponse = { id, url: links.facilitator, links, warnings };
  return sendJson(c, 201, answer, { Location: `/api/boards/${id}` });
}
