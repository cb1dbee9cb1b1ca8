import packageJson from '../../package.json' with { type: 'json' };
import type { HealthResponse } from '../../shared/protocol/http.ts';
import { sendJson } from './respond.ts';
import type { Router } from './router.ts';

/**
 * `GET /healthz` for load balancers and the e2e fixture: answers as soon as the server listens.
 * It does not touch the database; a broken board must not make the whole instance "unhealthy".
 */
export function registerHealthRoutes(router: Router): void {
  const body: HealthResponse = { status: 'ok', version: packageJson.version };
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, body));
}
