import type { Duplex } from 'node:stream';
import type { onRequestPayload, onUpgradePayload } from '@hocuspocus/server';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import { hostAllowed, type HostPolicy } from '../config/allowedHosts.ts';
import { ConfiguredExtension } from './ConfiguredExtension.ts';
import { answeredHere } from './hookControl.ts';

/**
 * Answers only requests and WebSocket upgrades whose `Host` the policy allows (DNS rebinding:
 * server/config/allowedHosts.ts); every other one gets 403 `host-not-allowed` before any route,
 * static file or Hocuspocus connection sees it. First of all the extensions (extensions/order.ts).
 */
export class HostCheck extends ConfiguredExtension<HostPolicy> {
  extensionName = 'HostCheck';

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    if (hostAllowed(request.headers.host, this.config)) return;
    const text = refusalBody(request.headers.host);
    response.writeHead(403, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
    });
    response.end(text);
    return answeredHere();
  }

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    if (hostAllowed(request.headers.host, this.config)) return;
    const text = refusalBody(request.headers.host);
    (socket as Duplex).end(
      `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
    return answeredHere();
  }
}

/** Written on the raw response or socket: a refused Host never reaches the HTTP app. */
function refusalBody(host: string | undefined): string {
  const named = host ? `"${host.slice(0, 100)}"` : 'no host';
  const body: ApiErrorResponse = {
    error: {
      code: 'host-not-allowed',
      message: `This server does not answer requests for ${named}; its operator can allow a name with ALLOWED_HOSTS`,
    },
  };
  return JSON.stringify(body);
}
