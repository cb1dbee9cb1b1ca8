import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { HttpError, invalidRequest } from './httpError.ts';
import type { HttpContext } from './httpEnv.ts';

/**
 * Caps a request body at `maxBytes`: a declared length over the cap is refused before anything
 * is read, a chunked body as soon as it grows past it (hono/body-limit). 413 with
 * `Connection: close`, so the rest of an oversized upload is never buffered.
 */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, 'payload-too-large', `The request body is larger than ${maxBytes} bytes`, {
        Connection: 'close',
      });
    },
  });
}

/**
 * The measurement ingest (kpiRoutes.ts) takes a CSV body as well as JSON, and it and the evidence
 * import (evidenceRoutes.ts) a larger one (a nightly job sends thousands of points at once, a
 * survey export thousands of responses). `text/csv` is not a CORS-safelisted type, so a foreign
 * page cannot send it without a preflight any more than it can send JSON.
 */
const BULK_PATH = /^\/api\/boards\/[^/]+\/(measurements|evidence)$/;
export const BULK_BODY_BYTES = 8 * 1024 * 1024;

function isBulkPath(path: string): boolean {
  return BULK_PATH.test(path);
}

/**
 * The app's body limit for every route but the bulk one, which sets its own. GET and HEAD bodies
 * are never read (no route takes one), and asking for one would build a whole web Request per call.
 */
export function apiBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = jsonBodyLimit(maxBytes);
  return (c, next) => (WITHOUT_BODY.has(c.req.method) || isBulkPath(c.req.path) ? next() : limit(c, next));
}

const WITHOUT_BODY = new Set(['GET', 'HEAD']);

/** The request body as text; a body cut off mid-way is a 400. */
export async function readText(c: HttpContext): Promise<string> {
  try {
    return await c.req.text();
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'invalid-request', 'The request body was cut off');
  }
}

/** The request body as JSON; an empty body reads as `undefined`, anything else unparsable is a 400. */
export async function readJson(c: HttpContext): Promise<unknown> {
  const text = await readText(c);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad-json', 'The request body is not valid JSON');
  }
}

/** The body read (readJson) and checked with `schema`: a 400 naming the first bad field. */
export async function readBody<T>(c: HttpContext, schema: z.ZodType<T>): Promise<T> {
  const body = schema.safeParse(await readJson(c));
  if (!body.success) throw invalidRequest(body.error.issues);
  return body.data;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Every body the API reads is JSON, and must say so: a form or `text/plain` post is what a
 * foreign page can send without a CORS preflight, so nothing of the sort is read. 415 before any
 * route runs; a request without a body (a rotation, an empty create) needs no type.
 */
export const requireJsonContentType: MiddlewareHandler = async (c, next) => {
  if (WITH_BODY.has(c.req.method)) {
    const length = c.req.header('content-length');
    const hasBody = c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const json = type === 'application/json' || /^application\/[a-z0-9.-]+\+json$/.test(type);
    if (hasBody && !json && !(type === 'text/csv' && isBulkPath(c.req.path)))
      throw new HttpError(
        415,
        'unsupported-media-type',
        `The request body must be JSON, sent with Content-Type: application/json (this one is ${type ? `"${type.slice(0, 60)}"` : 'untyped'})`,
        { Connection: 'close' },
      );
  }
  await next();
};
