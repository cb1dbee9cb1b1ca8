import { z } from 'zod';
import { LIMITS } from '../schema/limits.ts';
import type { BoardTemplate } from '../templates/types.ts';
import { NOTE_KINDS } from '../schema/noteKind.ts';
import { ROLES, type Role } from './roles.ts';
import { DEFAULT_TEMPLATE_ID } from '../templates/index.ts';

/**
 * The HTTP and WebSocket contract between client and server (see docs/api.md). The zod schemas
 * are also the routes' schemas in the server's OpenAPI document (`GET /api/openapi.json`); each
 * answer's schema `satisfies` its type, so the two cannot drift apart.
 */

/** The one WebSocket path; the Hocuspocus document name is the board id. */
export const COLLAB_PATH = '/collab';

/** Length of the ids the server hands out (`randomId(BOARD_ID_LENGTH)`, base 36). */
export const BOARD_ID_LENGTH = 12;

/**
 * Board ids are lowercase base 36. The range is wider than BOARD_ID_LENGTH so that a later change
 * of length keeps old links working; anything else is refused before touching storage.
 */
export function isBoardId(value: string): boolean {
  return /^[0-9a-z]{8,32}$/.test(value);
}

export const DEFAULT_BOARD_TITLE = 'Untitled journey';

/** `POST /api/boards` body. Unknown keys are ignored; a blank or absent title gets the default. */
export const createBoardRequestSchema = z.object({
  title: z
    .string()
    .trim()
    .max(LIMITS.titleLength, `A title has at most ${LIMITS.titleLength} characters`)
    .optional()
    .transform((t) => (t ? t : DEFAULT_BOARD_TITLE)),
  template: z.string().min(1).max(64).optional(),
  /** Stage names left to right: a board of these stages and `lanes`, instead of a template. */
  stages: z
    .array(z.string().trim().min(1, 'A stage needs a name').max(LIMITS.nameLength))
    .min(1, 'Give at least one stage')
    .max(100, 'A board made here has at most 100 stages')
    .optional(),
  /** Lanes top to bottom, each with the kind of note it holds (default `touchpoint`). */
  lanes: z
    .array(
      z.object({
        name: z.string().trim().min(1, 'A lane needs a name').max(LIMITS.nameLength),
        kind: z.enum(NOTE_KINDS).default('touchpoint'),
      }),
    )
    .min(1, 'Give at least one lane')
    .max(100, 'A board made here has at most 100 lanes')
    .optional(),
});

/** The template a create request names, or one made of its stages and lanes (both or neither, never with a template). */
export function requestedStructure(
  body: z.output<typeof createBoardRequestSchema>,
): { readonly ok: true; readonly template: string | BoardTemplate } | { readonly ok: false; readonly message: string } {
  const { stages, lanes, template } = body;
  if (!stages && !lanes) return { ok: true, template: template ?? DEFAULT_TEMPLATE_ID };
  if (!stages || !lanes) return { ok: false, message: 'Give both stages and lanes, or neither' };
  if (template !== undefined) return { ok: false, message: 'Give either a template or stages and lanes, not both' };
  return { ok: true, template: { id: 'custom', name: 'Custom', description: '', stages, lanes, notes: [] } };
}

export interface CreateBoardResponse {
  readonly id: string;
  /** Client path of the new board with the facilitator token, e.g. `/b/k3j9x0a1b2c3#token=…`. */
  readonly url: string;
  /** One secret link per role (client paths, token in the fragment). Only shown in full here and in `GET …/links`. */
  readonly links: Readonly<Record<Role, string>>;
}

/** `GET /api/boards/:id/links` (and the answer of a rotation): the caller's role and the links it may hand out. */
export interface BoardLinksResponse {
  readonly role: Role;
  readonly links: Readonly<Partial<Record<Role, string>>>;
}

/** `GET /api/boards` (ADMIN_TOKEN only). */
export interface BoardListResponse {
  readonly boards: readonly {
    readonly id: string;
    readonly title: string;
    readonly createdAt: number;
    readonly updatedAt: number;
  }[];
}

export interface BoardInfoResponse {
  readonly id: string;
  readonly title: string;
  readonly schemaVersion: number;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds of the last stored change. */
  readonly updatedAt: number;
  readonly counts: { readonly stages: number; readonly lanes: number; readonly notes: number };
}

/** A template as the picker lists it: its name and layout, and how much it holds. */
export interface TemplateInfo extends Pick<BoardTemplate, 'id' | 'name' | 'description' | 'stages' | 'lanes'> {
  readonly noteCount: number;
  /** Built into Journeyboard, or saved from a board on this server (see docs/api.md, templates). */
  readonly source: 'builtin' | 'saved';
  readonly personaCount: number;
  readonly kpiCount: number;
  /** Saved templates: when it was saved (epoch ms). */
  readonly createdAt?: number;
  /**
   * Saved templates: the board it was saved from. Its facilitator may remove the template
   * (`DELETE /api/templates/:id`). Board ids are not listed to strangers (they are where a
   * wrong-token attempt starts), so `GET /api/templates` gives it only to a caller who proved
   * that board's facilitator link (HELD_LINKS_HEADER) or holds CREATE_TOKEN.
   */
  readonly sourceBoardId?: string;
}

/**
 * On `GET /api/templates`: the links this device holds, `<boardId>:<token>` separated by commas.
 * A saved template shows its `sourceBoardId` only when one of them is that board's facilitator link.
 */
export const HELD_LINKS_HEADER = 'x-journeyboard-links';
/** The server reads at most this many pairs (a device keeps a few dozen boards). */
const MAX_HELD_LINKS = 100;

export function encodeHeldLinks(tokens: Readonly<Record<string, string>>): string {
  return Object.entries(tokens)
    .slice(0, MAX_HELD_LINKS)
    .map(([boardId, token]) => `${boardId}:${token}`)
    .join(',');
}

/** Board id to token; malformed pairs are ignored. */
export function parseHeldLinks(value: string | undefined): Map<string, string> {
  const held = new Map<string, string>();
  for (const pair of (value ?? '').split(',').slice(0, MAX_HELD_LINKS)) {
    const [boardId, token] = pair.trim().split(':');
    if (boardId && token && isBoardId(boardId)) held.set(boardId, token);
  }
  return held;
}

/** `GET /api/templates` answers a plain array, in the order the picker shows them. */
export type TemplatesResponse = readonly TemplateInfo[];

export interface HealthResponse {
  readonly status: 'ok';
  readonly version: string;
  /** Several instances: whether this instance's Redis connections are up; `off` on a single instance. */
  readonly redis: 'up' | 'down' | 'off';
  /**
   * Several instances: the longest delay, over the last minute, after which a change another
   * instance logged reached this one from the log because its relay through Redis was lost or
   * late; null when every change came through Redis. Absent on a single instance.
   */
  readonly relayLagMs?: number | null;
}

const API_ERROR_CODES = [
  'bad-json',
  'invalid-request',
  'unknown-template',
  'too-many-templates',
  'too-many-integration-keys',
  'no-future-state',
  'future-of-future',
  'too-many-identities',
  'credential-required',
  'identity-required',
  'removed-from-board',
  'awaiting-admission',
  'transfer-not-found',
  'transfer-expired',
  'transfer-used',
  'too-many-attempts',
  'rate-limited',
  'unauthorized',
  'forbidden',
  'host-not-allowed',
  'not-found',
  'method-not-allowed',
  'payload-too-large',
  'unsupported-media-type',
  'board-unreadable',
  'checkpoint-unreadable',
  'too-many-records',
  'board-too-large',
  'client-not-built',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One problem of a bulk request: the CSV line (the header is line 1) or the JSON path it is at. */
export interface ApiRowError {
  readonly line?: number;
  /** `kpis.0.measurements.3.period` */
  readonly path?: string;
  readonly message: string;
}

/** Every non-2xx JSON answer has this shape; a refused bulk request lists every bad row in `rows`. */
export interface ApiErrorResponse {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    /** A batch refused as a whole: what is wrong with each item, by its place in the list. */
    readonly items?: readonly ItemError[];
    /** An import refused as a whole: each bad row, by its CSV line or JSON path. */
    readonly rows?: readonly ApiRowError[];
  };
}

export interface ItemError {
  readonly index: number;
  readonly message: string;
}

export const apiErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    items: z.array(z.object({ index: z.number().int(), message: z.string() })).optional(),
    rows: z
      .array(z.object({ line: z.number().int().optional(), path: z.string().optional(), message: z.string() }))
      .optional(),
  }),
}) satisfies z.ZodType<ApiErrorResponse>;

const roleLinksSchema = z.object(Object.fromEntries(ROLES.map((r) => [r, z.string()])) as Record<Role, z.ZodString>);

export const createBoardResponseSchema = z.object({
  id: z.string(),
  url: z.string(),
  links: roleLinksSchema,
}) satisfies z.ZodType<CreateBoardResponse>;

export const boardLinksResponseSchema = z.object({
  role: z.enum(ROLES),
  links: roleLinksSchema.partial(),
}) satisfies z.ZodType<BoardLinksResponse>;

export const boardListResponseSchema = z.object({
  boards: z.array(z.object({ id: z.string(), title: z.string(), createdAt: z.number(), updatedAt: z.number() })),
}) satisfies z.ZodType<BoardListResponse>;

export const boardInfoResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  counts: z.object({ stages: z.number().int(), lanes: z.number().int(), notes: z.number().int() }),
}) satisfies z.ZodType<BoardInfoResponse>;

export const templateInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  stages: z.array(z.string()),
  lanes: z.array(z.object({ name: z.string(), kind: z.enum(NOTE_KINDS) })),
  noteCount: z.number().int(),
  source: z.enum(['builtin', 'saved']),
  personaCount: z.number().int(),
  kpiCount: z.number().int(),
  createdAt: z.number().optional(),
  sourceBoardId: z.string().optional(),
}) satisfies z.ZodType<TemplateInfo>;

export const templatesResponseSchema = z.array(templateInfoSchema) satisfies z.ZodType<TemplatesResponse>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  redis: z.enum(['up', 'down', 'off']),
  relayLagMs: z.number().nullable().optional(),
}) satisfies z.ZodType<HealthResponse>;
