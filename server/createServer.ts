import { openConfiguredRepositories, type Repositories } from './repositories/Repositories.ts';
import { Server, type Hocuspocus } from '@hocuspocus/server';
import { COLLAB_PATH } from '../shared/protocol/http.ts';
import { ShareLinks } from './access/ShareLinks.ts';
import { closeRotatedLinks } from './access/linkRoles.ts';
import { Identities } from './identity/Identities.ts';
import { BoardPeople } from './people/BoardPeople.ts';
import { People } from './extensions/People.ts';
import { Sessions } from './identity/Sessions.ts';
import { MembersOnly } from './identity/MembersOnly.ts';
import { CompanySignIn } from './auth/CompanySignIn.ts';
import { BoardMembers } from './extensions/BoardMembers.ts';
import { DeviceTransfers } from './identity/DeviceTransfers.ts';
import { BoardEntry } from './access/BoardEntry.ts';
import { DEFAULT_CHECKPOINT_INTERVAL_MS, DEFAULT_LIMITS, publicUrl, type ServerConfig } from './config/config.ts';
import { BoardAccess } from './extensions/BoardAccess.ts';
import { CollabUpgrade } from './extensions/CollabUpgrade.ts';
import { HostCheck } from './extensions/HostCheck.ts';
import { DocumentSizeLimit } from './extensions/DocumentSizeLimit.ts';
import { RecordGuard } from './extensions/RecordGuard.ts';
import { RoleAccess } from './extensions/RoleAccess.ts';
import { FailedAuthLimits } from './access/FailedAuthLimits.ts';
import { BoardCapacity } from './extensions/BoardCapacity.ts';
import { UpdateRateLimit } from './extensions/UpdateRateLimit.ts';
import { UpdateValidation } from './extensions/UpdateValidation.ts';
import { HttpRequests } from './extensions/HttpRequests.ts';
import { Persistence } from './extensions/Persistence.ts';
import { Checkpoints } from './extensions/Checkpoints.ts';
import { BoardLock } from './extensions/BoardLock.ts';
import { PresenceGuard } from './extensions/PresenceGuard.ts';
import { MassDeleteGuard } from './extensions/MassDeleteGuard.ts';
import { WorkshopControls } from './extensions/WorkshopControls.ts';
import { WorkshopService } from './workshop/WorkshopService.ts';
import { RoundGuard } from './extensions/RoundGuard.ts';
import { Voting } from './extensions/Voting.ts';
import { VotingService } from './voting/VotingService.ts';
import { PrivateWriting } from './extensions/PrivateWriting.ts';
import { PrivateWritingService } from './privateWriting/PrivateWritingService.ts';
import { BoardActivity } from './extensions/BoardActivity.ts';
import { CommentGuard } from './extensions/CommentGuard.ts';
import { Visits } from './extensions/Visits.ts';
import { MAX_COMMENT_LENGTH } from '../shared/comments/index.ts';
import type { RetryPolicy } from './persistence/SaveRetry.ts';
import { CheckpointService } from './checkpoints/CheckpointService.ts';
import { KpiService } from './kpi/KpiService.ts';
import { NoteBatches } from './boardApi/NoteBatches.ts';
import { IntegrationKeys } from './kpi/IntegrationKeys.ts';
import { createHttpApp, createRequestHandler, type HttpApp } from './http/app.ts';
import { applyRequestTimeouts } from './http/requestTimeouts.ts';
import { EncodedStates } from './live/encodedStates.ts';
import { StateWarmup } from './extensions/StateWarmup.ts';
import type { CommentsAccess } from './comments/CommentsAccess.ts';
import { StoredComments } from './comments/StoredComments.ts';
import { createScaleOut, type ScaleOut } from './scaleout/scaleOut.ts';
import { Metrics } from './observability/Metrics.ts';
import { ConnectionLog } from './extensions/ConnectionLog.ts';
import { DocumentMetrics } from './extensions/DocumentMetrics.ts';
import { inHookOrder } from './extensions/order.ts';
import { log } from './observability/log.ts';
import type { WebhookEvent } from '../shared/protocol/webhooks.ts';
import { revealedRound } from './webhooks/events.ts';
import { WATCHED_EVENTS, WebhookEvents } from './extensions/WebhookEvents.ts';
import { MentionEvents } from './extensions/MentionEvents.ts';
import { loadSecretsKey, SecretBox } from './webhooks/secretBox.ts';
import { WebhookService } from './webhooks/WebhookService.ts';
import { TrackerService } from './trackers/TrackerService.ts';

/** A running Journeyboard server: HTTP, API and WebSocket on one port. */
export interface JourneyboardServer {
  /** The port actually bound (the OS's pick when config.port is 0). */
  readonly port: number;
  /** e.g. `http://localhost:1234`; `localhost` stands for a wildcard HOST. */
  readonly url: string;
  /** The provider URL, e.g. `ws://localhost:1234/collab`. */
  readonly wsUrl: string;
  readonly store: Repositories;
  /** For tests and future server-side writers (vote reveals): the live documents. */
  readonly hocuspocus: Hocuspocus;
  /** Version history: checkpoints, previews, restores (and `voteRevealCheckpoint` for voting). */
  readonly checkpoints: CheckpointService;
  readonly persistence: Persistence;
  /** Set when REDIS_URL is: the Redis extension and our cluster events. */
  readonly scaleOut: ScaleOut | null;
  /** Prometheus metrics (`GET /metrics`, METRICS_TOKEN). */
  readonly metrics: Metrics;
  /** Live-workshop state per board (timer, lock, cursors). */
  readonly workshop: WorkshopService;
  /** Secret dot-voting rounds. */
  readonly voting: VotingService;
  /** Private writing phases and their drafts. */
  readonly privateWriting: PrivateWritingService;
  /** A board's webhooks and their delivery log. */
  readonly webhooks: WebhookService;
  /** Issues and proves credentials. */
  readonly identities: Identities;
  /** Every HTTP route (Hono), for the OpenAPI document's tests. */
  readonly httpApp: HttpApp;
  /** Stores every loaded document, closes connections and the database. Safe to call twice. */
  close(): Promise<void>;
}

export interface CreateServerOptions {
  /** Defaults to PostgreSQL when config.databaseUrl is set, else SQLite under config.dataDir. */
  readonly store?: Repositories;
  /** Back-off of the save retries while storage fails (tests shorten it). */
  readonly saveRetry?: RetryPolicy;
  /** Node process metrics (CPU, memory, event loop, GC) in /metrics; main.ts turns them on. */
  readonly processMetrics?: boolean;
  /** Comments for the exports; default: the board's comments document. */
  readonly comments?: CommentsAccess;
  /** The clock of voting deadlines and device-transfer expiry (epoch ms); tests shift it to reach one sooner. */
  readonly now?: () => number;
}

// How long close() waits for Hocuspocus to store and unload every document. A document whose
// save keeps failing never unloads; its updates are in the log already, so we stop waiting.
const SHUTDOWN_WAIT_MS = 10_000;

/** Wiring only: the store, the extensions, one Hocuspocus Server; then listen. */
export async function createServer(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<JourneyboardServer> {
  // Observability: every store call timed, refusals counted, served at GET /metrics.
  const metrics: Metrics = new Metrics({
    logRows: (document): number => persistence.logRows(document),
    hasGap: (document): boolean => persistence.hasGap(document),
    processMetrics: options.processMetrics,
  });
  const store = metrics.instrumentRepositories(options.store ?? (await openConfiguredRepositories(config)));
  // Version history: checkpoints before migrations and restores, after activity, on demand.
  // Webhooks: deliveries are written first, then sent off the board's path (a dead receiver slows nothing).
  const webhooks = new WebhookService({
    repository: store.webhooks,
    box: new SecretBox(loadSecretsKey(config.secretsKey ?? null, config.dataDir)),
    allowPrivate: config.webhookAllowPrivate ?? false,
    now: options.now,
    onAdded: (boardId, events) => {
      const document = server?.hocuspocus.documents.get(boardId);
      if (document && events.some((e) => WATCHED_EVENTS.includes(e))) webhookEvents.watch(boardId, document);
    },
  });
  const emit = (boardId: string, event: WebhookEvent, data: unknown) =>
    webhooks
      .emit(boardId, event, data)
      .catch((error: unknown) => log.error({ board: boardId, err: error }, `webhooks: could not queue ${event}`));
  const webhookEvents = new WebhookEvents({
    emit: (boardId, event, data) => void emit(boardId, event, data),
    watches: (boardId) => webhooks.listens(boardId, WATCHED_EVENTS),
    settleMs: config.webhookSettleMs,
  });
  const checkpoints = new CheckpointService({
    store,
    onRestored: (boardId, restored, by) => void emit(boardId, 'board.restored', { checkpoint: restored, by }),
  });
  const persistence = new Persistence({
    store,
    retry: options.saveRetry,
    // Several instances: each follows the log of the boards it holds (Persistence.follow).
    followLogMs: config.redisUrl ? (config.logFollowMs ?? 200) : undefined,
    onCatchUp: (reason, rows, delayMs) => {
      metrics.countCatchUp(reason, rows, delayMs);
      if (delayMs !== null) scaleOut?.health.noteCatchUp(delayMs);
    },
    beforeMigration: (boardId, doc) =>
      checkpoints.create(boardId, doc, 'before-migration', 'Before a schema migration').then(() => undefined),
  });
  const collab = new CollabUpgrade();
  // Several instances (docs/operations.md): Redis relays changes, presence and broadcasts;
  // voting, private writing and the workshop state tell the other instances of their changes (ClusterEvents).
  const scaleOut = config.redisUrl
    ? createScaleOut({ redisUrl: config.redisUrl, prefix: config.redisPrefix ?? 'journeyboard' })
    : null;
  const cluster = scaleOut?.cluster;
  // Relays sent while Redis was away are lost: catch the open boards up from the log at once.
  scaleOut?.health.onReconnect(() => void persistence.followNow());
  metrics.watchRedis(() => scaleOut?.health.state ?? 'off');
  // Secret dot-voting rounds: ballots in the database, results written at reveal.
  const voting = new VotingService({
    store: store.voting,
    onRevealed: async (boardId, doc, round) => {
      void emit(boardId, 'round.revealed', revealedRound(doc, round));
      await checkpoints.voteRevealCheckpoint(boardId, doc, round.title);
    },
    cluster,
    now: options.now,
  });
  // Access and limits: share links per role, caps on size, rate, records, connections.
  const links = new ShareLinks(store.boards, store.futureStates);
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  // Who a person is, proven by a credential the server issued (docs/security.md).
  const identities = new Identities({ store: store.identities, maxIssuedPerLink: limits.maxNewIdentitiesPerLink });
  // Company sign-in (OIDC_*): a session cookie proves a person too; without it, links only.
  const sessions = new Sessions({
    store: store.accounts,
    ttlMs: config.sessionTtlMs,
    secureCookies: config.publicUrl?.startsWith('https:') ?? false,
    now: options.now,
  });
  const signIn = config.oidc ? new CompanySignIn({ ...config.oidc, now: options.now }) : null;
  // "Use this identity on another device": one-time codes that give a second device its own credential.
  const transfers = new DeviceTransfers({
    store: store.identities,
    identities,
    maxRedeemAttempts: limits.maxDeviceTransferAttempts,
    now: options.now,
  });
  // Live workshops: timer, lock, cursors and "bring everyone", server state per board.
  const workshop = new WorkshopService({ store: store.workshop, cluster });
  // KPI series: measurements in the database, the latest points mirrored into the board.
  const kpi = new KpiService({
    store: store.kpi,
    isLocked: async (boardId) => (await workshop.state(boardId)).lock.locked,
    now: options.now,
  });
  // The board API's bulk notes: checked against the board and its caps, written on the live document.
  const noteBatches = new NoteBatches({
    limits,
    isLocked: async (boardId) => (await workshop.state(boardId)).lock.locked,
  });
  // Issue trackers (GITHUB_*, JIRA_*): issues for actions, each link written onto its action.
  const trackers = new TrackerService(config.trackers);
  // Keys a facilitator gives a nightly job to feed the KPI series (hashed, one board each, rate-limited).
  const integrationKeys = new IntegrationKeys({ repository: store.integrationKeys, now: options.now });
  // Private writing: drafts in the database, written into the board at the reveal.
  const privateWriting = new PrivateWritingService({
    store: store.privateWriting,
    timer: workshop,
    maxNoteLength: limits.maxNoteLength,
    maxRecords: limits.maxRecords,
    cluster,
  });
  // Comments: note activity for "since you were last here", visits and thread reads.
  const activity = new BoardActivity({ store: store.activity });
  // The exports read comment counts and comments through this.
  const storedComments = new StoredComments(store);
  const comments = options.comments ?? storedComments;
  // Board downloads (GET /api/boards/:id/state), encoded once for many pages.
  const boardStates = new EncodedStates();
  const presence = new PresenceGuard();
  // Who may be on a board: a facilitator removes a person (their ballot voided, drafts discarded).
  const people = new BoardPeople({
    store: store.boardPeople,
    voidBallot: (boardId, personId) => voting.voidBallotOf(boardId, personId),
    discardDrafts: (boardId, personId) => privateWriting.discardDraftsOf(boardId, personId),
    cluster,
  });
  const entry = new BoardEntry({
    identities,
    sessions,
    people,
    membersOnly: signIn ? new MembersOnly(store.accounts) : null,
    members: signIn ? store.accounts : null,
    states: store.futureStates,
  });
  // Hook order: extensions/order.ts, not the order of this list.
  const httpApp = createHttpApp({
    store,
    links,
    identities,
    entry,
    auth: { signIn, sessions, accounts: store.accounts, publicUrl: config.publicUrl ?? null, now: options.now },
    transfers,
    trustProxy: config.trustProxy,
    clientDir: config.clientDir,
    maxBodyBytes: config.maxBodyBytes,
    createToken: config.createToken,
    adminToken: config.adminToken,
    corsOrigins: config.corsOrigins,
    checkpoints,
    kpi,
    noteBatches,
    integrationKeys,
    webhooks,
    trackers,
    comments,
    limits,
    boardStates,
    metrics: { registry: metrics.registry, token: config.metricsToken },
    redis: scaleOut ? () => ({ state: scaleOut.health.state, relayLagMs: scaleOut.health.relayLagMs() }) : undefined,
  });
  const extensions = inHookOrder([
    new HostCheck({ bindHost: config.host, allowedHosts: config.allowedHosts ?? [] }),
    ...(scaleOut?.extensions ?? []),
    new RoleAccess({
      links,
      entry,
      maxConnectionsPerPerson: limits.maxConnectionsPerPerson,
      store: store.boards,
      failedAuth: new FailedAuthLimits({
        perAddress: limits.authFailuresPerAddress,
        perBoard: limits.authFailuresPerBoard,
      }),
    }),
    new BoardMembers({ accounts: store.accounts, now: options.now }),
    new BoardAccess({ store }),
    new BoardCapacity({ links, ...limits, trustProxy: config.trustProxy }),
    new UpdateRateLimit({ rate: limits.updateRate, burst: limits.updateBurst }),
    new UpdateValidation(),
    new DocumentSizeLimit({ maxDocumentBytes: limits.maxDocumentBytes }),
    new RecordGuard(limits),
    new RoundGuard({ service: voting }),
    new CommentGuard({ maxCommentLength: MAX_COMMENT_LENGTH, maxComments: limits.maxRecords }),
    persistence,
    new Checkpoints({
      service: checkpoints,
      intervalMs: config.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
    }),
    new BoardLock({ service: workshop }),
    new WorkshopControls({ service: workshop }),
    presence,
    new MassDeleteGuard({
      service: checkpoints,
      nameOf: (document, connection) => presence.nameOf(document, connection),
    }),
    new Voting({ service: voting }),
    new PrivateWriting({ service: privateWriting }),
    new People({ people, nameOf: (document, connection) => presence.nameOf(document, connection) }),
    activity,
    new Visits({ store: store.activity, activity }),
    webhookEvents,
    new MentionEvents({ emit: (boardId, event, data) => void emit(boardId, event, data) }),
    new StateWarmup(boardStates),
    collab,
    new HttpRequests({
      disconnectRole: scaleOut
        ? (instance, boardId, role) => scaleOut.cluster.disconnectRoleEverywhere(instance, boardId, role)
        : undefined,
      handle: createRequestHandler(httpApp),
    }),
    new ConnectionLog(),
    new DocumentMetrics(metrics),
  ]);
  metrics.countRefusalsOf(extensions);
  const server = new Server({
    // 0 must reach http.Server.listen as 0: Server.listen(port) ignores a falsy argument, so the
    // port goes in the configuration and listen() is called without one.
    port: config.port,
    address: config.host,
    quiet: true,
    stopOnSignals: false, // main.ts owns the signals: it stores boards, then closes the DB
    websocketOptions: { maxPayload: config.maxMessageBytes },
    extensions,
  });
  applyRequestTimeouts(server.httpServer);

  checkpoints.attach(server.hocuspocus);
  kpi.attach(server.hocuspocus);
  noteBatches.attach(server.hocuspocus);
  trackers.attach(server.hocuspocus);
  storedComments.attach(server.hocuspocus);
  // A rotation on another instance while Redis was away closed nothing here.
  scaleOut?.cluster.onReconnect(() => void closeRotatedLinks(server.hocuspocus, links));

  try {
    await scaleOut?.cluster.ready();
    await listen(server);
  } catch (error) {
    if (scaleOut) await server.destroy().catch(() => undefined);
    await store.close();
    throw error;
  }

  const port = server.address.port;
  const url = publicUrl(config.host, port);
  let closing: Promise<void> | undefined;
  webhooks.start();
  const close = async () => {
    await webhooks.close();
    voting.close();
    privateWriting.close();
    const stored = await settlesWithin(server.destroy(), SHUTDOWN_WAIT_MS);
    if (!stored) {
      log.error(
        { boards: server.hocuspocus.getDocumentsCount(), waitedMs: SHUTDOWN_WAIT_MS },
        'boards not stored before shutdown; their updates are in the log',
      );
    }
    collab.closeSockets();
    server.httpServer.closeAllConnections();
    await store.close();
  };

  return {
    port,
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    store,
    hocuspocus: server.hocuspocus,
    checkpoints,
    persistence,
    scaleOut,
    metrics,
    workshop,
    voting,
    privateWriting,
    httpApp,
    webhooks,
    identities,
    close: () => (closing ??= close()),
  };
}

/** Server.listen() does not listen for 'error' (EADDRINUSE would be an uncaught exception). */
function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.listen().then(() => {
      server.httpServer.off('error', reject);
      resolve();
    }, reject);
  });
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log.error({ err: error }, 'error while stopping Hocuspocus');
        resolve(false);
      },
    );
  });
}
