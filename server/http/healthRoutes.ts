import packageJson from '../../package.json' with { type: 'json' };
import { healthResponseSchema, type HealthResponse } from '../../shared/protocol/http.ts';
import { apiRoute } from './apiRoute.ts';
import { json } from './openapiParts.ts';
import type { RedisState } from '../scaleout/RedisHealth.ts';
import { sendJson } from './httpError.ts';
import type { HttpApp } from './httpEnv.ts';

/**
 * `GET /healthz` for load balancers and the e2e fixture: answers as soon as the server listens.
 * It does not touch the database; a broken board must not make the whole instance "unhealthy",
 * nor a Redis outage (edits still cross instances through the database): `redis` only says it.
 */
export function registerHealthRoutes(app: HttpApp, redis?: () => ScaleOutHealth): void {
  apiRoute(
    app,
    {
      method: 'get',
      path: '/healthz',
      tags: ['Server'],
      summary: 'Is this instance up',
      description: 'For load balancers: answers as soon as the server listens, without touching the database.',
      responses: {
        200: json('Up', healthResponseSchema, { status: 'ok', version: '0.1.0', redis: 'off' }),
      },
    },
    (c) => {
      const scaleOut = redis?.();
      const body: HealthResponse = scaleOut
        ? { status: 'ok', version: packageJson.version, redis: scaleOut.state, relayLagMs: scaleOut.relayLagMs }
        : { status: 'ok', version: packageJson.version, redis: 'off' };
      return sendJson(c, 200, body);
    },
  );
}

/** Several instances: Redis's state and the longest relay lag of the last minute (RedisHealth). */
export interface ScaleOutHealth {
  readonly state: RedisState;
  readonly relayLagMs: number | null;
}
