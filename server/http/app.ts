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
import { registerWebhookRoutes } from './webhookRoutes.ts';
import { registerBoardApiRoutes } from './boardApiRoutes.ts';
import { BoardSnapshots } from './boardSnapshots.ts';
import type { NoteBatches } from '../boardApi/NoteBatches.ts';
import { registerTrackerRoutes } from './trackerRoutes.ts';
import type { TrackerService } from '../trackers/TrackerService.ts';
import type { WebhookService } from '../webhooks/WebhookService.ts';
import type { KpiService } from '../kpi/KpiService.ts';
import type { IntegrationKeys } from '../kpi/IntegrationKeys.ts';
import { registerIntegrationKeyRoutes } from './integrationKeyRoutes.ts';
import { registerEvidenceRoutes } from './evidenceRoutes.ts';
import { registerBackupRoutes } from './backupRoutes.ts';
import { DEFAULT_LIMITS, type BoardLimits } from '../config/config.ts';
import { apiBodyLimit, requireJsonContentType } from './jsonBody.ts';
import { answerError, HttpError } from './httpError.ts';
import { apiCors, securityHeaders } from './securityHeaders.ts';
import { registerShareRoutes } from './shareRoutes.ts';
import { registerFutureStateRoutes } from './futureStateRoutes.ts';
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
import type { HttpApp, HttpEnv, LiveDocuments } from './httpEnv.ts';

export type { HttpApp };
import { staticClient } from './staticClient.ts';
import { wrongMethodOrUnknownApi } from './methodNotAllowed.ts';
import { registerOpenApiRoutes } from './openapiRoutes.ts';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';

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
  /** Notes added in bulk by scripts (`POST /api/boards/:id/notes`); absent in handler-only tests. */
  readonly noteBatches?: NoteBatches;
  /** Board integration keys, for the measurement ingest; absent in handler-only tests. */
  readonly integrationKeys?: IntegrationKeys;
  /** A board's webhooks; absent in handler-only tests. */
  readonly webhooks?: WebhookService;
  /** Issues created in GitHub or Jira for actions; absent in handler-only tests. */
  readonly trackers?: TrackerService;
  /** Several instances: the state of Redis and the relay lag, for /healthz; absent: `off`. */
  readonly redis?: () => ScaleOutHealth;
}

/** Answers one request on Node's request and response, with this instance's live documents. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, live: LiveDocuments) => Promise<void>;

/** Every HTTP route and the built client, as one Hono app; `/api/*` is JSON only. */
export function createHttpApp(deps: HttpDeps): HttpApp {
  const app: HttpApp = new OpenAPIHono<HttpEnv>({ strict: false });
  app.onError(answerError);
  app.use(securityHeaders());
  app.use('/api/*', apiCors(deps.corsOrigins ?? []), requireJsonContentType, apiBodyLimit(deps.maxBodyBytes));
  registerHealthRoutes(app, deps.redis);
  if (deps.metrics) registerMetricsRoutes(app, deps.metrics);
  const savedTemplates = new SavedTemplates(deps.store.templates);
  registerBoardRoutes(app, { ...deps, savedTemplates });
  registerTemplateRoutes(app, { ...deps, savedTemplates });
  registerShareRoutes(app, deps);
  registerFutureStateRoutes(app, deps);
  registerIdentityRoutes(app, { ...deps, sessions: deps.auth?.sessions });
  if (deps.auth) registerAuthRoutes(app, deps.auth);
  if (deps.auth?.signIn)
    registerSignInRuleRoutes(app, {
      store: deps.store,
      links: deps.links,
      entry: deps.entry,
      accounts: deps.auth.accounts,
    });
  if (deps.transfers) registerDeviceTransferRoutes(app, { transfers: deps.transfers, trustProxy: deps.trustProxy });
  registerStateRoutes(app, { store: deps.store, links: deps.links, entry: deps.entry, states: deps.boardStates });
  if (deps.checkpoints) {
    registerCheckpointRoutes(app, {
      checkpoints: deps.checkpoints,
      authorizeCheckpoints: deps.authorizeCheckpoints ?? roleCheckpointAuthorizer(deps),
    });
  }
  if (deps.kpi && deps.integrationKeys) {
    registerKpiRoutes(app, { ...deps, kpi: deps.kpi, keys: deps.integrationKeys });
    registerIntegrationKeyRoutes(app, { ...deps, keys: deps.integrationKeys });
    registerEvidenceRoutes(app, { ...deps, kpi: deps.kpi });
  }
  if (deps.webhooks) registerWebhookRoutes(app, { ...deps, webhooks: deps.webhooks });
  const boards = new BoardSnapshots(deps.store);
  if (deps.noteBatches) registerBoardApiRoutes(app, { ...deps, notes: deps.noteBatches, boards });
  if (deps.trackers)
    registerTrackerRoutes(app, { ...deps, trackers: deps.trackers, publicUrl: deps.auth?.publicUrl ?? null });
  const comments = deps.comments ?? COMMENTS_UNAVAILABLE;
  registerPriorityRoutes(app, { store: deps.store, links: deps.links, entry: deps.entry, comments, boards });
  registerBackupRoutes(app, {
    store: deps.store,
    links: deps.links,
    entry: deps.entry,
    comments,
    createToken: deps.createToken,
    limits: deps.limits ?? DEFAULT_LIMITS,
  });
  registerOpenApiRoutes(app);
  app.use(wrongMethodOrUnknownApi(app));
  app.get('*', staticClient(deps.clientDir));
  app.all('*', (c) => {
    throw new HttpError(405, 'method-not-allowed', `${c.req.method} is not allowed here`, { Allow: 'GET, HEAD' });
  });
  return app;
}

/**
 * The app as Hocuspocus's onRequest needs it: Node's request and response in, answered through
 * @hono/node-server (which never rejects: a failure is answered 500 and logged).
 */
export function createRequestHandler(app: HttpApp): RequestHandler {
  const liveOf = new WeakMap<IncomingMessage, LiveDocuments>();
  // Hocuspocus's server is HTTP/1.1, so the bindings are always Node's IncomingMessage and ServerResponse.
  const listener = getRequestListener((request, env) => {
    const node = env as HttpBindings;
    return app.fetch(request, { ...node, live: liveOf.get(node.incoming)! });
  });
  return async (req, res, live) => {
    liveOf.set(req, live);
    await listener(req, res);
  };
}
