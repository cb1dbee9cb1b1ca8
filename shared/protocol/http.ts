import { z } from 'zod';
import { LIMITS } from '../schema/limits.ts';
import type { BoardTemplate } from '../templates/types.ts';
import type { Role } from './roles.ts';
import { DEFAULT_TEMPLATE_ID } from '../templates/index.ts';

/**
 * The HTTP and WebSocket contract between client and server (see docs/api.md). Types only
 * describe JSON bodies; the server validates what it receives, the client trusts nothing either.
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
  template: z.string().min(1).max(64).default(DEFAULT_TEMPLATE_ID),
});

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

export type ApiErrorCode =
  | 'bad-json'
  | 'invalid-request'
  | 'unknown-template'
  | 'too-many-templates'
  | 'too-many-identities'
  | 'credential-required'
  | 'identity-required'
  | 'removed-from-board'
  | 'awaiting-admission'
  | 'transfer-not-found'
  | 'transfer-expired'
  | 'transfer-used'
  | 'too-many-attempts'
  | 'unauthorized'
  | 'forbidden'
  | 'host-not-allowed'
  | 'not-found'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'board-unreadable'
  | 'checkpoint-unreadable'
  | 'client-not-built'
  | 'internal';

/** Every non-2xx JSON answer has this shape. */
export interface ApiErrorResponse {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}
