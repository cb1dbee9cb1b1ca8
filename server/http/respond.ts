import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ApiErrorCode, ApiErrorResponse } from '../../shared/protocol/http.ts';

/** An answer other than success, thrown by routes and turned into `{ error: { code, message } }`. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly headers: OutgoingHttpHeaders;
  constructor(status: number, code: ApiErrorCode, message: string, headers: OutgoingHttpHeaders = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    // API answers describe live boards; never let a proxy or the browser reuse one.
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ApiErrorResponse = { error: { code: error.code, message: error.message } };
  sendJson(res, error.status, body, error.headers);
}
