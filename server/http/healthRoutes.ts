import packageJson from '../../package.json' with { type: 'json' };
import type { HealthResponse } from '../../shared/protocol/http.ts';
import type { RedisState } from '../scaleout/RedisHealth.ts';
import { sendJson } from './httpError.ts';
import type { HttpApp } from './httpEnv.ts';

/**
 * `GET /healthz` for load balancers and the e2e fixture: answers as soon as the server listens.
 * It does not touch the database; a broken board must not make the whole instance "unhealthy",
 * nor a Redis outage (edits still cross instances through the database): `redis` only says it.
 */
export function registerHealthRoutes(app: HttpApp, redis?: () => ScaleOutHealth): void {
  app.get('/healthz', (c) => {
    const scaleOut = redis?.();
    const body: HealthResponse = scaleOut
      ? { status: 'ok', version: packageJson.version, redis: scaleOut.state, relayLagMs: scaleOut.relayLagMs }
      : { status: 'ok', version: packageJson.version, redis: 'off' };
    return sendJson(c, 200, body);
  });
}

/** Several instances: Redis's state and the longest relay lag of the last minute (RedisHealth). */
export interface ScaleOutHealth {
  readonly state: RedisState;
  readonly relayLagMs: number | null;
}
