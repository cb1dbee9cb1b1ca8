import http from 'node:http';
import https from 'node:https';
import { publicOnlyLookup, refuseTarget } from './safeTarget.ts';

interface SendResult {
  /** The receiver's status, or null when it did not answer. */
  readonly status: number | null;
  /** Null when the receiver took it (2xx). */
  readonly error: string | null;
}

/** What `postOnce` also keeps: the answer's text (its first 64 KiB), for a caller that reads it. */
export interface PostResult extends SendResult {
  readonly body: string;
}

export interface SendOptions {
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  readonly headers: Record<string, string>;
}

/**
 * One POST to a receiver (a webhook's, a tracker's API): 2xx is delivered, anything else (a 3xx too: redirects are not followed,
 * they could lead to a private address) is a failure with its reason. At most 64 KiB of the
 * response body is read; a webhook drops it, a tracker reads the issue it created from it.
 */
export function postOnce(target: string, body: string, options: SendOptions): Promise<PostResult> {
  const url = new URL(target);
  const refused = refuseTarget(url, options.allowPrivate);
  if (refused) return Promise.resolve({ status: null, error: refused, body: '' });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const chunks: Buffer[] = [];
    const done = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, body: Buffer.concat(chunks).toString('utf8') });
    };
    // The whole exchange, not the socket's idleness: a receiver trickling bytes is cut off too.
    const timer = setTimeout(() => {
      done({ status: null, error: 'timeout' });
      request.destroy();
    }, options.timeoutMs);
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
        lookup: publicOnlyLookup(options.allowPrivate),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 64 * 1024) response.destroy();
          else chunks.push(chunk);
        });
        response.on('close', () => {
          if (status >= 200 && status < 300) done({ status, error: null });
          else done({ status, error: status >= 300 && status < 400 ? 'redirect-not-followed' : `http-${status}` });
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException & { code?: string }) =>
      done({ status: null, error: error.code ?? error.message }),
    );
    request.end(body);
  });
}
