import { z } from 'zod';
import type { RouteConfig } from '@hono/zod-openapi';
import { type ApiErrorCode, type ApiErrorResponse, apiErrorResponseSchema } from '../../shared/protocol/http.ts';
import { CREDENTIAL_HEADER } from '../../shared/protocol/credentials.ts';
import { SESSION_COOKIE } from '../identity/Sessions.ts';

/**
 * The pieces every route description shares: how callers prove who they are (securitySchemes),
 * error answers, JSON bodies with an example, the board id in the path.
 */
type ResponseConfig = RouteConfig['responses'][string];

export const SECURITY_SCHEMES = {
  shareLink: {
    type: 'http',
    scheme: 'bearer',
    description:
      "A board share link's token (the part after `#token=`), as `Authorization: Bearer …`; downloads also take `?token=`. Its role (facilitator, editor, commenter, viewer) says what the call may do.",
  },
  personCredential: {
    type: 'apiKey',
    in: 'header',
    name: CREDENTIAL_HEADER,
    description:
      'Who is calling: the credential `POST /api/boards/{id}/identities` issued to this device. Board calls need it besides the share link.',
  },
  deviceCredential: {
    type: 'http',
    scheme: 'Credential',
    description: "The device's credential as `Authorization: Credential jbc_…` (device transfers only).",
  },
  integrationKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A board integration key (`jbk_…`) a facilitator made for a job, as `Authorization: Bearer jbk_…`: sends measurements to its one board, and nothing else. Rate-limited per key (429 with `Retry-After`).',
  },
  createToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The operator's CREATE_TOKEN, when set: needed to create or import boards.",
  },
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The operator's ADMIN_TOKEN: lists every board. Header only, never in the URL.",
  },
  metricsToken: {
    type: 'http',
    scheme: 'bearer',
    description: "The operator's METRICS_TOKEN, for Prometheus.",
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'A company sign-in session (OpenID Connect), set by `GET /auth/callback`.',
  },
} as const;

type Scheme = keyof typeof SECURITY_SCHEMES;
/** One way in: every scheme listed must be sent together. */
export const needs = (...schemes: Scheme[]) => Object.fromEntries(schemes.map((s) => [s, []]));

/** A board call: the share link and the person's credential (docs/security.md). */
export const BOARD_CALL = [needs('shareLink', 'personCredential'), needs('session', 'personCredential')];

const ERROR_STATUS: Readonly<Record<number, string>> = {
  400: 'The request is malformed (`bad-json`, `invalid-request`, …)',
  401: 'No valid token or credential',
  403: 'The caller may not do this',
  404: 'No such board, or no such thing on it',
  405: 'Another method is allowed here (`Allow`)',
  409: 'A limit of this server is reached',
  410: 'Used or expired',
  413: 'The body is larger than MAX_BODY_BYTES',
  415: 'The body is not sent as JSON',
  422: 'Stored data that cannot be read',
  429: 'Too many, try again later (`Retry-After`)',
  500: 'The server failed; it has been logged',
  503: 'Not available yet',
};

const ERROR_EXAMPLE: Readonly<Record<number, ApiErrorCode>> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'too-many-templates',
  410: 'transfer-used',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'checkpoint-unreadable',
  429: 'too-many-identities',
  500: 'board-unreadable',
  503: 'client-not-built',
};

/** The error answers a route gives, each `{ error: { code, message } }` with an example. */
export function errors(...statuses: (keyof typeof ERROR_STATUS & number)[]): Record<string, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((status) => {
      const example: ApiErrorResponse = {
        error: { code: ERROR_EXAMPLE[status]!, message: ERROR_STATUS[status]!.replace(/ \(.*$/, '') },
      };
      return [
        String(status),
        {
          description: ERROR_STATUS[status]!,
          content: { 'application/json': { schema: apiErrorResponseSchema, example } },
        },
      ];
    }),
  );
}

/** A JSON answer with its schema and an example that the schema accepts (checked by a test). */
export function json<T>(description: string, schema: z.ZodType<T>, example: NoInfer<T>): ResponseConfig {
  return { description, content: { 'application/json': { schema, example } } };
}

/** A JSON request body with its schema and an example. */
export function jsonBody<T>(schema: z.ZodType<T>, example: unknown, required = true) {
  return { required, content: { 'application/json': { schema, example } } } as const;
}

const EXAMPLE_BOARD_ID = 'k3j9x0a1b2c3';
export const boardIdParams = z.object({
  id: z.string().length(12).meta({ description: 'The board id (12 characters)', example: EXAMPLE_BOARD_ID }),
});

const exampleLink = (role: string) =>
  `/b/${EXAMPLE_BOARD_ID}#token=${`${role}Token0123456789`.padEnd(32, 'x').slice(0, 32)}`;
/** A new board's links, one per role (the tokens are made up). */
export const EXAMPLE_LINKS = {
  facilitator: exampleLink('facilitator'),
  editor: exampleLink('editor'),
  commenter: exampleLink('commenter'),
  viewer: exampleLink('viewer'),
};
