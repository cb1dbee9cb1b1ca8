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
export function registerHealthRoutes(router: Router, redis: () => RedisState = () => 'off'): void {
  router.on('GET', '/healthz', ({ res }) => {
    const body: HealthResponse = { status: 'ok', version: packageJson.version, redis: redis() };
    sendJson(res, 200, body);
  });
}
