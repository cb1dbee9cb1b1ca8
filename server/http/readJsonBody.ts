import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond.ts';

/**
 * Reads a JSON request body of at most `maxBytes`. Past the cap it stops collecting at once and
 * answers 413 with `Connection: close`, so the rest of an oversized upload is never buffered
 * (Node discards what is still in flight, then closes the socket). An empty body reads as
 * `undefined`.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new HttpError(413, 'payload-too-large', `The request body is larger than ${maxBytes} bytes`, {
        Connection: 'close',
      });
    const declared = Number(req.headers['content-length']);
    if (declared > maxBytes) {
      reject(tooLarge());
      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'bad-json', 'The request body is not valid JSON'));
      }
    };
    // The client went away mid-body: settle anyway, or the handler would wait forever.
    const onGone = () => {
      cleanup();
      reject(new HttpError(400, 'invalid-request', 'The request body was cut off'));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Every body the API reads is JSON, and must say so: a form or `text/plain` post is what a
 * foreign page can send without a CORS preflight, so nothing of the sort is read. 415 before any
 * route runs; a request without a body (a rotation, an empty create) needs no type.
 */
export function requireJsonContentType(req: IncomingMessage): void {
  if (!WITH_BODY.has(req.method ?? '')) return;
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.-]+\+json$/.test(type)) return;
  throw new HttpError(
    415,
    'unsupported-media-type',
    `The request body must be JSON, sent with Content-Type: application/json (this one is ${type ? `"${type.slice(0, 60)}"` : 'untyped'})`,
    {
      Connection: 'close',
    },
  );
}
