import type { BoardSnapshot } from '../../shared/model/boardSnapshot.ts';
import {
  addNotesEnvelopeSchema,
  addNotesRequestSchema,
  addNotesResponseSchema,
  boardRecordsResponseSchema,
  roundsResponseSchema,
  type BoardRecordsResponse,
  type RoundsResponse,
} from '../../shared/protocol/boardApi.ts';
import type { Repositories } from '../repositories/Repositories.ts';
import type { NoteBatches } from '../boardApi/NoteBatches.ts';
import { apiRoute } from './apiRoute.ts';
import { boardCall, boardWriteCall, type BoardAccessDeps } from './boardAccess.ts';
import { HttpError, itemsRefused, sendJson } from './httpError.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';
import { readBody } from './jsonBody.ts';
import { BOARD_CALL, boardIdParams, errors, json, jsonBody } from './openapiParts.ts';
import type { BoardSnapshots } from './boardSnapshots.ts';
import { RECORDS_EXAMPLE, ROUNDS_EXAMPLE } from './boardApiExamples.ts';

export interface BoardApiRoutesDeps extends BoardAccessDeps {
  readonly store: Repositories;
  readonly notes: NoteBatches;
  readonly boards: BoardSnapshots;
}

/**
 * The board API for scripts: `GET /api/boards/:id/records` and `…/rounds` (any link, a viewer's
 * is enough), `POST /api/boards/:id/notes` (an editor's or facilitator's). Listing and creating
 * boards are `GET`/`POST /api/boards` (shareRoutes.ts, boardRoutes.ts); the priority list is
 * `…/priorities.json` (priorityRoutes.ts).
 */
export function registerBoardApiRoutes(app: HttpApp, deps: BoardApiRoutesDeps): void {
  const read = async <T>(c: HttpContext, id: string, fn: (b: BoardSnapshot) => T) =>
    fn(await deps.boards.read(c.env.live, id));

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/records',
      tags: ['Board API'],
      summary: 'The board as JSON records: stages, lanes and notes in board order',
      description: 'Any link to the board (a viewer is enough). Notes whose stage or lane is gone are left out.',
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: { 200: json('The board', boardRecordsResponseSchema, RECORDS_EXAMPLE), ...errors(401, 403, 404, 500) },
    },
    async (c) => {
      const { id } = await boardCall(deps, c);
      return sendJson(c, 200, await read(c, id, (b) => boardRecords(id, b)));
    },
  );

  apiRoute(
    app,
    {
      method: 'get',
      path: '/api/boards/{id}/rounds',
      tags: ['Board API'],
      summary: 'The revealed voting rounds, oldest first, each with its results',
      description:
        'Any link to the board. An open round is not here (its ballots stay on the server until the reveal); who placed which dot never is.',
      security: BOARD_CALL,
      request: { params: boardIdParams },
      responses: { 200: json('The rounds', roundsResponseSchema, ROUNDS_EXAMPLE), ...errors(401, 403, 404, 500) },
    },
    async (c) => {
      const { id } = await boardCall(deps, c);
      return sendJson(c, 200, await read(c, id, rounds));
    },
  );

  apiRoute(
    app,
    {
      method: 'post',
      path: '/api/boards/{id}/notes',
      tags: ['Board API'],
      summary: 'Add notes in bulk',
      description:
        'Facilitator or editor; refused to an editor while the board is locked. All or nothing: every note is checked first (its stage and lane on the board, its text within MAX_NOTE_LENGTH) and a refusal lists each bad one in `error.items`; then the batch against MAX_RECORDS and MAX_DOCUMENT_BYTES (409). Written in one change that connected people see at once.',
      security: BOARD_CALL,
      request: {
        params: boardIdParams,
        body: jsonBody(addNotesRequestSchema, {
          authorName: 'Survey import',
          notes: [
            { stageId: 'stage:0123456789ab', laneId: 'lane:0123456789ab', text: 'Delivery fee shown too late' },
            {
              stageId: 'stage:0123456789ab',
              laneId: 'lane:0123456789ab',
              text: 'Gave up at the card form',
              kind: 'pain',
            },
          ],
        }),
      },
      responses: {
        201: json('The new notes, in the order given', addNotesResponseSchema, {
          notes: [
            { id: 'note:k3j9x0a1b2c3d4e5', stageId: 'stage:0123456789ab', laneId: 'lane:0123456789ab' },
            { id: 'note:m7n8p9q0r1s2t3u4', stageId: 'stage:0123456789ab', laneId: 'lane:0123456789ab' },
          ],
        }),
        ...errors(400, 401, 403, 404, 409, 413, 415),
      },
    },
    async (c) => {
      const { id, access } = await boardWriteCall(deps, c, 'Only a facilitator or an editor can add notes');
      const body = await readBody(c, addNotesEnvelopeSchema);
      const actor = { id: access.person.id, name: body.authorName, department: 'other' } as const;
      const result = await deps.notes.add(id, { role: access.role, actor }, body.notes);
      if (result.ok) return sendJson(c, 201, result.value);
      if (result.code === 'invalid-notes') throw itemsRefused(result.items, 'notes');
      if (result.code === 'board-locked') throw new HttpError(403, 'forbidden', result.message);
      throw new HttpError(409, result.code, result.message);
    },
  );
}

function boardRecords(id: string, b: BoardSnapshot): BoardRecordsResponse {
  const orphans = new Set(b.orphanNotes.map((n) => n.id));
  return {
    id,
    title: b.meta.title,
    schemaVersion: b.meta.schemaVersion,
    createdAt: b.meta.createdAt,
    stages: b.stages.map(({ id, name, description }) => ({ id, name, description })),
    lanes: b.lanes.map(({ id, name, kind }) => ({ id, name, kind })),
    notes: b.notes
      .filter((n) => !orphans.has(n.id))
      .map((n) => ({
        id: n.id,
        stageId: n.position.stageId,
        laneId: n.position.laneId,
        kind: n.kind,
        text: n.text,
        colour: n.colour,
        sentiment: n.sentiment,
        department: n.department,
        authorName: n.authorName,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
        personaIds: [...n.personaIds],
        action: n.action,
      })),
  };
}

function rounds(b: BoardSnapshot): RoundsResponse {
  return {
    rounds: b.rounds.map((r) => ({
      id: r.id,
      title: r.title,
      openedAt: r.openedAt,
      revealedAt: r.revealedAt,
      dotsPerPerson: r.dotsPerPerson,
      anonymous: r.anonymous,
      voterCount: r.voterCount,
      results: Object.entries(r.totals)
        .map(([noteId, dots]) => {
          const at = r.notes[noteId as keyof typeof r.notes];
          return { noteId, dots, text: at?.text ?? '', stageId: at?.stageId ?? '', laneId: at?.laneId ?? '' };
        })
        .sort((a, b) => b.dots - a.dots || a.noteId.localeCompare(b.noteId)),
    })),
  };
}
