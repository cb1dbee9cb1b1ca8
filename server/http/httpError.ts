import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode, ApiErrorResponse, ItemError } from '../../shared/protocol/http.ts';
import { log } from '../observability/log.ts';

/** An answer other than success, thrown by routes and turned into `{ error: { code, message } }`. */
export class HttpError extends HTTPException {
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;
  /** A batch refused as a whole: each bad item. */
  items?: readonly ItemError[];
  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(status, { message });
    this.name = 'HttpError';
    this.code = code;
    this.headers = headers;
  }
}

/** A 400 for a batch with bad items: every one named, nothing written. */
export function itemsRefused(items: readonly ItemError[], of: string): HttpError {
  const first = items[0];
  const error = new HttpError(
    400,
    'invalid-request',
    `${items.length} of the ${of} cannot be added, so none were${first ? ` (${of}.${first.index}: ${first.message})` : ''}`,
  );
  error.items = items;
  return error;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. API answers describe live boards: never let a proxy or the browser reuse one. */
export function sendJson(
  c: Context,
  status: ContentfulStatusCode,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(body), status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...headers });
}

function sendError(c: Context, error: HttpError): Response {
  const body: ApiErrorResponse = {
    error: { code: error.code, message: error.message, ...(error.items ? { items: error.items } : {}) },
  };
  return sendJson(c, error.status as ContentfulStatusCode, body, error.headers);
}

/** The app's onError: an HttpError as its JSON body, anything else logged and a 500. */
export function answerError(error: Error, c: Context): Response {
  if (error instanceof HttpError) return sendError(c, error);
  if (error instanceof HTTPException && error.status < 500)
    return sendError(c, new HttpError(error.status as ContentfulStatusCode, 'invalid-request', error.message));
  log.error({ err: error }, 'unexpected error answering an HTTP request');
  return sendError(c, new HttpError(500, 'internal', 'Something went wrong on the server; it has been logged'));
}

/** A 400 `invalid-request` naming the first bad field of a zod parse (`kpis.0.period: …`). */
export function invalidRequest(issues: readonly { path: readonly PropertyKey[]; message: string }[]): HttpError {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return new HttpError(400, 'invalid-request', `${where}${issue?.message ?? 'Invalid request'}`);
}
