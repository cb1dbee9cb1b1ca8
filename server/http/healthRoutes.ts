import packageJson from '../../package.json' with { type: 'json' };
import type { HealthResponse } from '../../shared/protocol/http.ts';
import type { RedisState } from '../scaleout/RedisHealth.ts';
import { sendJson } from './respond.ts';
import type { Router } from './router.ts';

/**
 * `GET /healthz` for load balancers and the e2e fixture: answers as soon as the server listens.
 * It does not touch the database; a broken board must not make the whole instance "unhealthy",
 * nor a Redis outage (edits still cross instances through the database): `redis` only says it.
 */
export function registerHealthRoutes(router: Router, redis?: () => ScaleOutHealth): void {
  router.on('GET', '/healthz', ({ res }) => {
    const scaleOut = redis?.();
    const body: HealthResponse = scaleOut
      ? { status: 'ok', version: packageJson.version, redis: scaleOut.state, relayLagMs: scaleOut.relayLagMs }
      : { status: 'ok', version: packageJson.version, redis: 'off' };
    sendJson(res, 200, body);
  });
}

/** Several instances: Redis's state and the longest relay lag of the last minute (RedisHealth). */
export interface ScaleOutHealth {
  readonly state: RedisState;
  readonly relayLagMs: number | null;
}
