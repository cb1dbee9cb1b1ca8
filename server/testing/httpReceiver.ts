import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Received {
  readonly method: string;
  /** The path and query, e.g. `/hook`. */
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A real HTTP receiver on 127.0.0.1 (a webhook's target, a fake tracker API) that answers the n-th request as `answer` says. */
export async function startReceiver(
  answer: (n: number, res: http.ServerResponse) => void = (_, res) => res.writeHead(204).end(),
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      answer(received.length, res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}
