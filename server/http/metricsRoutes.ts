import type { Registry } from 'prom-client';
import { sameSecret } from './bearerToken.ts';
import { HttpError } from './httpError.ts';
import type { HttpApp } from './httpEnv.ts';
import { apiRoute } from './apiRoute.ts';
import { errors, needs } from './openapiParts.ts';

export interface MetricsRoutesDeps {
  readonly registry: Registry;
  /** METRICS_TOKEN; unset, /metrics is off (403). */
  readonly token?: string | null;
}

/**
 * `GET /metrics`: Prometheus text format, for `Authorization: Bearer <METRICS_TOKEN>` only. No
 * token configured means no metrics: "only from loopback" would let in everyone whose requests a
 * reverse proxy on the same machine forwards. The header only, never `?token=` (URLs end up in
 * proxy logs). The figures carry no board id and no secret (Metrics.ts), but they do say how busy
 * the server is, which is nobody else's business.
 */
export function registerMetricsRoutes(app: HttpApp, deps: MetricsRoutesDeps): void {
  apiRoute(
    app,
    {
      method: 'get',
      path: '/metrics',
      tags: ['Server'],
      summary: 'Prometheus metrics',
      security: [needs('metricsToken')],
      responses: {
        200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
        ...errors(401, 403),
      },
    },
    async (c) => {
      if (!deps.token)
        throw new HttpError(
          403,
          'forbidden',
          'Metrics are off on this server (set METRICS_TOKEN to enable GET /metrics)',
        );
      const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
      if (!sameSecret(match?.[1] ?? null, deps.token)) {
        throw new HttpError(401, 'unauthorized', 'GET /metrics needs the metrics token (Authorization: Bearer …)', {
          'WWW-Authenticate': 'Bearer',
        });
      }
      const text = await deps.registry.metrics();
      return c.body(text, 200, { 'Content-Type': deps.registry.contentType, 'Cache-Control': 'no-store' });
    },
  );
}
