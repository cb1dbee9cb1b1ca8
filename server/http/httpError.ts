import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode, ApiErrorResponse, ApiRowError, ItemError } from '../../shared/protocol/http.ts';
import { log } from '../observability/log.ts';

/** An answer other than success, thrown by routes and turned into `{ error: { code, message } }`. */
export class HttpError extends HTTPException {
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;
  /** A batch refused as a whole: each bad item. */
  items?: readonly ItemError[];
  /** Every bad row of a refused bulk request (an import), so the caller fixes them all at once. */
  readonly rows: readonly ApiRowError[] | undefined;
  constructor(
    status: ContentfulStatusCode,
    code: ApiErrorCode,
    message: string,
    headers: Record<string, string> = {},
    rows?: readonly ApiRowError[],
  ) {
    super(status, { message });
    this.name = 'HttpError';
    this.code = code;
    this.headers = headers;
    this.rows = rows;
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
    error: {
      code: error.code,
      message: error.message,
      ...(error.items ? { items: error.items } : {}),
      ...(error.rows ? { rows: error.rows } : {}),
    },
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

/** Bad rows listed in an answer at most: enough to fix a file, never a 10,000-entry error. */
const ROWS_SHOWN = 100;

/** A 400 `invalid-request` listing every bad row (the first hundred) of a bulk request. */
export function invalidRows(rows: readonly ApiRowError[], what = 'row'): HttpError {
  const first = rows[0];
  const where = first?.line !== undefined ? `line ${first.line}: ` : first?.path ? `${first.path}: ` : '';
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more ${what}${rows.length > 2 ? 's' : ''}: see rows)` : '';
  return new HttpError(
    400,
    'invalid-request',
    `Nothing was imported. ${where}${first?.message ?? 'invalid'}${more}`,
    {},
    rows.slice(0, ROWS_SHOWN),
  );
}

/** Every issue of a zod parse as a row error, by path. */
export function issueRows(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ApiRowError[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** A 400 `invalid-request` naming the first bad field of a zod parse (`kpis.0.period: …`). */
export function invalidRequest(issues: readonly { path: readonly PropertyKey[]; message: string }[]): HttpError {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return new HttpError(400, 'invalid-request', `${where}${issue?.message ?? 'Invalid request'}`);
}
