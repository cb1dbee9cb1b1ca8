import type { IncomingMessage } from 'node:http';
import { isCredential } from '../../shared/protocol/identity.ts';
import {
  issuedTransferSchema,
  REDEEM_PATH,
  redeemTransferRequestSchema,
  TRANSFERS_PATH,
} from '../../shared/protocol/deviceTransfer.ts';
import { clientAddress } from '../live/clientAddress.ts';
import type { DeviceTransfers } from '../identity/DeviceTransfers.ts';
import { log } from '../observability/log.ts';
import { apiRoute } from './apiRoute.ts';
import { jsonBodyLimit, readJson } from './jsonBody.ts';
import { errors, json, jsonBody, needs } from './openapiParts.ts';
import { issuedIdentitySchema } from '../../shared/protocol/identity.ts';
import { HttpError, sendJson } from './httpError.ts';
import type { HttpApp, HttpContext } from './httpEnv.ts';

export interface DeviceTransferRoutesDeps {
  readonly transfers: DeviceTransfers;
  readonly trustProxy?: boolean;
}

/**
 * `POST /api/identity/transfers` (the person's credential as `Authorization: Credential jbc_…`)
 * gives a one-time code; `POST /api/identity/transfers/redeem` with `{ code }` gives the device
 * that sends it a credential of its own for that person. Neither secret is ever read from a URL.
 */
export function registerDeviceTransferRoutes(app: HttpApp, deps: DeviceTransferRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'post',
      path: TRANSFERS_PATH,
      tags: ['People'],
      summary: 'A one-time code to move this person to another device',
      security: [needs('deviceCredential')],
      responses: {
        201: json('Valid for 10 minutes, once', issuedTransferSchema, {
          code: 'jbt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
          expiresAt: 1767226200000,
          expiresInMs: 600000,
        }),
        ...errors(401),
      },
    },
    (c) => issue(c, deps),
  );
  apiRoute(
    app,
    {
      method: 'post',
      path: REDEEM_PATH,
      tags: ['People'],
      summary: 'This device becomes the person the code was made for',
      request: {
        body: jsonBody(redeemTransferRequestSchema, { code: 'jbt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG' }),
      },
      responses: {
        201: json("A credential of this device's own", issuedIdentitySchema, {
          personId: 'person-0123456789abcdefghijkl',
          credential: 'jbc_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
        }),
        ...errors(400, 404, 410, 413, 415, 429),
      },
    },
    jsonBodyLimit(4096),
    (c) => redeem(c, deps),
  );
}

async function issue(c: HttpContext, deps: DeviceTransferRoutesDeps): Promise<Response> {
  const result = await deps.transfers.issue(credentialOf(c.env.incoming));
  if (!result.ok) {
    throw new HttpError(
      401,
      'credential-required',
      'Send this device’s credential as Authorization: Credential jbc_… (a credential the server issued and has not revoked)',
      {
        'WWW-Authenticate': 'Credential',
      },
    );
  }
  return sendJson(c, 201, result.transfer);
}

async function redeem(c: HttpContext, deps: DeviceTransferRoutesDeps): Promise<Response> {
  const body = redeemTransferRequestSchema.safeParse(await readJson(c));
  if (!body.success) throw new HttpError(400, 'invalid-request', 'Send the code as JSON: { "code": "jbt_…" }');
  const address = clientAddress(c.env.incoming, deps.trustProxy ?? false);
  const result = await deps.transfers.redeem(body.data.code, address);
  if (result.ok) return sendJson(c, 201, result.identity);
  switch (result.code) {
    case 'too-many-attempts':
      log.warn({ address }, 'device transfer refused: too many redemption attempts from one address');
      throw new HttpError(
        429,
        result.code,
        'Too many tries to use a device link from here. Wait a few minutes, then make a new link.',
        {
          'Retry-After': String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))),
        },
      );
    case 'transfer-expired':
      throw new HttpError(
        410,
        result.code,
        'This link has expired (links work for 10 minutes). Make a new one on your other device.',
      );
    case 'transfer-used':
      throw new HttpError(410, result.code, 'This link has already been used. Make a new one on your other device.');
    case 'transfer-not-found':
      throw new HttpError(
        404,
        result.code,
        'This link is not valid (mistyped, or replaced by a newer one). Make a new one on your other device.',
      );
  }
}

function credentialOf(req: IncomingMessage): string | null {
  const match = /^Credential\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match && isCredential(match[1]) ? match[1] : null;
}
