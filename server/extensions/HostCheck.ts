import type { Duplex } from 'node:stream';
import type { Extension, onRequestPayload, onUpgradePayload } from '@hocuspocus/server';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import { hostAllowed, type HostPolicy } from '../config/allowedHosts.ts';
import { HttpError, sendError } from '../http/respond.ts';
import { applySecurityHeaders } from '../http/securityHeaders.ts';
import { answeredHere } from './hookControl.ts';

/**
 * Answers only requests and WebSocket upgrades whose `Host` the policy allows (DNS rebinding:
 * server/config/allowedHosts.ts); every other one gets 403 `host-not-allowed` before any route,
 * static file or Hocuspocus connection sees it. First of all the extensions (extensions/order.ts).
 */
export class HostCheck implements Extension {
  extensionName = 'HostCheck';
  private readonly policy: HostPolicy;

  constructor(policy: HostPolicy) {
    this.policy = policy;
  }

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    if (hostAllowed(request.headers.host, this.policy)) return;
    applySecurityHeaders(response);
    sendError(response, refusal(request.headers.host));
    return answeredHere();
  }

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    if (hostAllowed(request.headers.host, this.policy)) return;
    const error = refusal(request.headers.host);
    const body: ApiErrorResponse = { error: { code: error.code, message: error.message } };
    const text = JSON.stringify(body);
    (socket as Duplex).end(
      `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
    return answeredHere();
  }
}

function refusal(host: string | undefined): HttpError {
  const named = host ? `"${host.slice(0, 100)}"` : 'no host';
  return new HttpError(
    403,
    'host-not-allowed',
    `This server does not answer requests for ${named}; its operator can allow a name with ALLOWED_HOSTS`,
    { Connection: 'close' },
  );
}
