import type { Repositories } from '../repositories/Repositories.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ShareLinks } from '../access/ShareLinks.ts';
import { registerBoardRoutes } from './boardRoutes.ts';
import type { CheckpointService } from '../checkpoints/CheckpointService.ts';
import { roleCheckpointAuthorizer } from './checkpointAccess.ts';
import { registerCheckpointRoutes, type CheckpointAuthorizer } from './checkpointRoutes.ts';
import { registerHealthRoutes, type ScaleOutHealth } from './healthRoutes.ts';
import { registerMetricsRoutes, type MetricsRoutesDeps } from './metricsRoutes.ts';
import { COMMENTS_UNAVAILABLE, type CommentsAccess } from '../comments/CommentsAccess.ts';
import { registerPriorityRoutes } from './priorityRoutes.ts';
import { registerKpiRoutes } from './kpiRoutes.ts';
import type { KpiService } from '../kpi/KpiService.ts';
import { registerBackupRoutes } from './backupRoutes.ts';
import { DEFAULT_LIMITS, type BoardLimits } from '../config/config.ts';
import { requireJsonContentType } from './readJsonBody.ts';
import { HttpError, sendError } from './respond.ts';
import { applySecurityHeaders, handleCors } from './securityHeaders.ts';
import { registerShareRoutes } from './shareRoutes.ts';
import { registerIdentityRoutes } from './identityRoutes.ts';
import { registerAuthRoutes, type AuthRoutesDeps } from './authRoutes.ts';
import { registerSignInRuleRoutes } from './signInRuleRoutes.ts';
import type { Identities } from '../identity/Identities.ts';
import type { BoardEntry } from '../access/BoardEntry.ts';
import type { DeviceTransfers } from '../identity/DeviceTransfers.ts';
import { registerDeviceTransferRoutes } from './deviceTransferRoutes.ts';
import { registerStateRoutes } from './stateRoutes.ts';
import type { EncodedStates } from '../live/encodedStates.ts';
import { registerTemplateRoutes } from './templateRoutes.ts';
import { SavedTemplates } from '../templates/SavedTemplates.ts';
import { Router, type LiveDocuments } from './router.ts';
import { createStaticClient } from './staticClient.ts';
import { log } from '../observability/log.ts';

export interface HttpDeps {
  readonly store: Repositories;
  readonly clientDir: string;
  readonly maxBodyBytes: number;
  readonly links: ShareLinks;
  /** Issues and proves people's credentials (`POST /api/boards/:id/identities`). */
  readonly identities: Identities;
  /** Binds every board call to a proven person who may be on the board (removed, lobby). */
  readonly entry: BoardEntry;
  /** Company sign-in and sessions (`/auth/*`, `/api/me`); absent in handler-only tests. */
  readonly auth?: AuthRoutesDeps;
  /** Moves a person to another device (`/api/identity/transfers`); absent in handler-only tests. */
  readonly transfers?: DeviceTransfers;
  /** Count client addresses by the X-Forwarded-For entry a proxy appended (TRUST_PROXY). */
  readonly trustProxy?: boolean;
  readonly createToken?: string | null;
  readonly adminToken?: string | null;
  /** Origins allowed to call the API cross-origin; empty = same origin only. */
  readonly corsOrigins?: readonly string[];
  /** Version history routes; absent in handler-only tests. */
  readonly checkpoints?: CheckpointService;
  /** Who may view or change the history; default: share-link roles (facilitators change). */
  readonly authorizeCheckpoints?: CheckpointAuthorizer;
  /** `GET /metrics`; absent in handler-only tests. */
  readonly metrics?: MetricsRoutesDeps;
  /** Comments for the exports; default: not available (exports say so). */
  readonly comments?: CommentsAccess;
  /** Board downloads' encodings, shared with StateWarmup; default: the route's own. */
  readonly boardStates?: EncodedStates;
  /** Board caps, for imported boards; default: DEFAULT_LIMITS. */
  readonly limits?: BoardLimits;
  /** KPI series routes; absent in handler-only tests. */
  readonly kpi?: KpiService;
  /** Several instances: the state of Redis and the relay lag, for /healthz; absent: `off`. */
  readonly redis?: () => ScaleOutHealth;
}

/** Answers one request completely. Never rejects: Hocuspocus would rethrow it as a crash. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, live: LiveDocuments) => Promise<void>;

/** `/healthz` and `/api/*` go through the router; every other path is the built client. */
export function createRequestHandler(deps: HttpDeps): RequestHandler {
  const router = new Router();
  registerHealthRoutes(router, deps.redis);
  if (deps.metrics) registerMetricsRoutes(router, deps.metrics);
  const savedTemplates = new SavedTemplates(deps.store.templates);
  registerBoardRoutes(router, { ...deps, savedTemplates });
  registerTemplateRoutes(router, { ...deps, savedTemplates });
  registerShareRoutes(router, deps);
  registerIdentityRoutes(router, { ...deps, sessions: deps.auth?.sessions });
  if (deps.auth) registerAuthRoutes(router, deps.auth);
  if (deps.auth?.signIn)
    registerSignInRuleRoutes(router, {
      store: deps.store,
      links: deps.links,
      entry: deps.entry,
      accounts: deps.auth.accounts,
    });
  if (deps.transfers)
    registerDeviceTransferRoutes(router, {
      transfers: deps.transfers,
      maxBodyBytes: deps.maxBodyBytes,
      trustProxy: deps.trustProxy,
    });
  registerStateRoutes(router, { store: deps.store, links: deps.links, entry: deps.entry, states: deps.boardStates });
  if (deps.checkpoints) {
    registerCheckpointRoutes(router, {
      checkpoints: deps.checkpoints,
      maxBodyBytes: deps.maxBodyBytes,
      authorizeCheckpoints: deps.authorizeCheckpoints ?? roleCheckpointAuthorizer(deps),
    });
  }
  if (deps.kpi) registerKpiRoutes(router, { ...deps, kpi: deps.kpi });
  const comments = deps.comments ?? COMMENTS_UNAVAILABLE;
  registerPriorityRoutes(router, { store: deps.store, links: deps.links, entry: deps.entry, comments });
  registerBackupRoutes(router, {
    store: deps.store,
    links: deps.links,
    entry: deps.entry,
    comments,
    maxBodyBytes: deps.maxBodyBytes,
    createToken: deps.createToken,
    limits: deps.limits ?? DEFAULT_LIMITS,
  });
  const serveClient = createStaticClient(deps.clientDir);

  return async (req, res, live) => {
    try {
      applySecurityHeaders(res);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
      if (isApi && handleCors(req, res, deps.corsOrigins ?? [])) return;
      if (isApi) requireJsonContentType(req);
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match.kind === 'found') {
        await match.handler({
          req,
          res,
          url,
          params: match.params,
          liveDocument: live.liveDocument,
          disconnectRole: live.disconnectRole,
        });
      } else if (match.kind === 'wrong-method') {
        throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on ${url.pathname}`, {
          Allow: match.allow.join(', '),
        });
      } else if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        throw new HttpError(404, 'not-found', `There is no API route ${url.pathname}`);
      } else {
        await serveClient(req, res, url.pathname);
      }
    } catch (error) {
      answerError(res, error);
    }
  };
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    // Mid-stream failure (e.g. the client went away during a file): nothing sensible to send.
    if (!isClientGone(error)) log.error({ err: error }, 'HTTP answer failed after it started');
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendError(res, error);
    return;
  }
  log.error({ err: error }, 'unexpected error answering an HTTP request');
  sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server; it has been logged'));
}

function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE';
}
