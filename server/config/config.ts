import path from 'node:path';
import { z } from 'zod';
import { parseAllowedHosts } from './allowedHosts.ts';
import { secureUrl } from './secureUrl.ts';
import { readTrackerConfig, type TrackerConfig } from './trackerConfig.ts';

/** Everything the server needs to start; `readConfig` builds it from the environment. */
export interface ServerConfig {
  /** 0 lets the OS pick a free port (tests, the e2e fixture). */
  readonly port: number;
  readonly host: string;
  /** Absolute; holds the SQLite file. Created if missing. */
  readonly dataDir: string;
  /** Absolute; the built client (`vite build` output). */
  readonly clientDir: string;
  /** Largest HTTP request body read; past it the answer is 413. */
  readonly maxBodyBytes: number;
  /** Largest WebSocket message accepted; past it the socket is closed with 1009. */
  readonly maxMessageBytes: number;
  // ---- access and limits (see docs/api.md) ----
  /** When set, `POST /api/boards` needs `Authorization: Bearer <createToken>`. */
  readonly createToken?: string | null;
  /** When set, `GET /api/boards` lists every board for `Authorization: Bearer <adminToken>`. */
  readonly adminToken?: string | null;
  /** Origins allowed to call the API cross-origin (CORS); empty = same origin only. */
  readonly corsOrigins?: readonly string[];
  /** DNS names the server answers besides loopback names and IP literals (config/allowedHosts.ts). */
  readonly allowedHosts?: readonly string[];
  readonly limits?: Partial<BoardLimits>;
  // ---- storage and history (see docs/operations.md) ----
  /** PostgreSQL instead of SQLite when set (DATABASE_URL). */
  readonly databaseUrl?: string | null;
  /** PostgreSQL schema for the tables (DATABASE_SCHEMA, default `public`). */
  readonly databaseSchema?: string;
  /** An automatic checkpoint this long after a board's first change since the last one (CHECKPOINT_INTERVAL_MS). */
  readonly checkpointIntervalMs?: number;
  // ---- several instances and observability (see docs/operations.md) ----
  /** Redis for several instances (@hocuspocus/extension-redis); needs databaseUrl. REDIS_URL. */
  readonly redisUrl?: string | null;
  /** Prefix of every Redis key and channel (REDIS_PREFIX, default `journeyboard`). */
  readonly redisPrefix?: string;
  /**
   * With REDIS_URL: how often each instance reads the log rows other instances wrote to the boards
   * it holds (LOG_FOLLOW_MS, default 200): the bound on how late an acknowledged edit can reach it
   * when its relay through Redis is lost.
   */
  readonly logFollowMs?: number;
  /**
   * SECRETS_KEY: seals the secrets the server must use again (webhook signing secrets). Unset, a key
   * is made once in DATA_DIR/secrets.key; several instances must all be given the same one.
   */
  readonly secretsKey?: string | null;
  /** WEBHOOK_ALLOW_PRIVATE=true lets webhooks reach this machine and private networks (default: refused). */
  readonly webhookAllowPrivate?: boolean;
  /** WEBHOOK_SETTLE_MS: how long a board is quiet before its changes become webhook events (a burst is one event). */
  readonly webhookSettleMs?: number;
  /** When set, `GET /metrics` answers for `Authorization: Bearer <metricsToken>` (METRICS_TOKEN). */
  readonly metricsToken?: string | null;
  /** pino level (LOG_LEVEL, default `info`). */
  readonly logLevel?: LogLevel;
  /** A proxy in front appends the client's address to X-Forwarded-For (TRUST_PROXY). */
  readonly trustProxy?: boolean;
  // ---- company sign-in (docs/security.md, "Sessions and company sign-in") ----
  /** OpenID Connect provider and client (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); null = by link only. */
  readonly oidc?: OidcConfig | null;
  /** The address people use, e.g. `https://board.example.com` (PUBLIC_URL): the sign-in redirect URI and Secure cookies. */
  readonly publicUrl?: string | null;
  /** How long a sign-in lasts (SESSION_TTL_HOURS, default 168). */
  readonly sessionTtlMs?: number;
  // ---- issue trackers (docs/operations.md, "Issue trackers") ----
  /** GitHub and Jira Cloud, where "Send to…" creates issues directly; absent = none. */
  readonly trackers?: TrackerConfig;
}

interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Caps that protect a board and the server from a broken or hostile client. */
export interface BoardLimits {
  /** Largest encoded board document; an update that would pass it is refused. */
  readonly maxDocumentBytes: number;
  /** Most records (stages, lanes, notes, …) in one board. */
  readonly maxRecords: number;
  /** Longest note text, in UTF-16 code units; longer text is cut by the server. */
  readonly maxNoteLength: number;
  /** Longest board title; longer titles are cut by the server. */
  readonly maxTitleLength: number;
  /** Token bucket per connection: messages per second refilled… */
  readonly updateRate: number;
  /** …and the bucket's size (the burst a connection may send at once). */
  readonly updateBurst: number;
  /** Connections to one board (document) at a time; facilitators have slots of their own. */
  readonly maxConnectionsPerBoard: number;
  /** New identities one share link may issue in ten minutes (a room joining at once fits). */
  readonly maxNewIdentitiesPerLink: number;
  /** Connections of one proven person to one board document (their tabs and devices). */
  readonly maxConnectionsPerPerson: number;
  /** Device transfer codes one client address may try to redeem in ten minutes, right or wrong. */
  readonly maxDeviceTransferAttempts: number;
  /** Of those, kept for editors and facilitators (default: a tenth). */
  readonly reservedConnections?: number;
  /** Connections to one board (document) from one client address, facilitators aside. */
  readonly maxConnectionsPerAddress: number;
  /** Refused authentications (wrong or missing link) one client address may make per minute. */
  readonly authFailuresPerAddress: number;
  /** Refused authentications on one board per minute, counted for addresses that failed recently. */
  readonly authFailuresPerBoard: number;
}

/** Automatic checkpoints: ten minutes after the first change since the last one. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 10 * 60 * 1000;

export const DEFAULT_LIMITS: BoardLimits = {
  maxDocumentBytes: 8 * 1024 * 1024,
  maxRecords: 10_000,
  maxNoteLength: 2000,
  maxTitleLength: 120,
  updateRate: 150,
  updateBurst: 600,
  maxConnectionsPerBoard: 200,
  maxNewIdentitiesPerLink: 100,
  maxConnectionsPerPerson: 10,
  // A room moving to phones at once shares an address; a guesser needs far more than this.
  maxDeviceTransferAttempts: 30,
  // A workshop room behind one NAT: everyone there shares an address.
  maxConnectionsPerAddress: 60,
  // Someone who mistyped a link retries a few times; a script trying tokens needs thousands.
  authFailuresPerAddress: 30,
  authFailuresPerBoard: 600,
};

const MiB = 1024 * 1024;

// An empty variable (`PORT=`) means "not set", not 0: z.coerce would turn '' into port 0.
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const port = z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65_535).default(1234));
const text = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().trim().min(1).default(fallback));
const bytes = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1024).default(fallback));
const count = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(fallback));
// A token an operator sets: long enough not to be guessed by trying.
const secret = z.preprocess(unsetIfEmpty, z.string().min(16, 'must be at least 16 characters').optional());

const envSchema = z
  .object({
    PORT: port,
    HOST: text('0.0.0.0'),
    DATA_DIR: text('./data'),
    CLIENT_DIR: text('dist/client'),
    MAX_BODY_BYTES: bytes(1 * MiB),
    // A client's first sync sends its whole offline diff in one message; 16 MiB leaves room for
    // a big board while stopping a runaway client well before memory trouble.
    MAX_MESSAGE_BYTES: bytes(16 * MiB),
    CREATE_TOKEN: secret,
    ADMIN_TOKEN: secret,
    CORS_ORIGINS: z.preprocess(unsetIfEmpty, z.string().default('')).transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    ),
    ALLOWED_HOSTS: z
      .preprocess(unsetIfEmpty, z.string().default(''))
      .transform(parseAllowedHosts)
      .refine(
        (hosts) => hosts.every((h) => h === '*' || /^\.?[a-z0-9.:-]+$/.test(h)),
        'must be comma-separated host names (board.example.com, .example.com for its subdomains too, or *)',
      ),
    MAX_DOCUMENT_BYTES: bytes(DEFAULT_LIMITS.maxDocumentBytes),
    MAX_RECORDS: count(DEFAULT_LIMITS.maxRecords),
    MAX_NOTE_LENGTH: count(DEFAULT_LIMITS.maxNoteLength),
    MAX_TITLE_LENGTH: count(DEFAULT_LIMITS.maxTitleLength),
    UPDATE_RATE: count(DEFAULT_LIMITS.updateRate),
    UPDATE_BURST: count(DEFAULT_LIMITS.updateBurst),
    MAX_CONNECTIONS_PER_BOARD: count(DEFAULT_LIMITS.maxConnectionsPerBoard),
    MAX_NEW_IDENTITIES_PER_LINK: count(DEFAULT_LIMITS.maxNewIdentitiesPerLink),
    MAX_CONNECTIONS_PER_PERSON: count(DEFAULT_LIMITS.maxConnectionsPerPerson),
    MAX_DEVICE_TRANSFER_ATTEMPTS: count(DEFAULT_LIMITS.maxDeviceTransferAttempts),
    RESERVED_CONNECTIONS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).optional()),
    MAX_CONNECTIONS_PER_ADDRESS: count(DEFAULT_LIMITS.maxConnectionsPerAddress),
    AUTH_FAILURES_PER_ADDRESS: count(DEFAULT_LIMITS.authFailuresPerAddress),
    AUTH_FAILURES_PER_BOARD: count(DEFAULT_LIMITS.authFailuresPerBoard),
    TRUST_PROXY: z
      .preprocess(unsetIfEmpty, z.enum(['true', 'false', '1', '0']).default('false'))
      .transform((v) => v === 'true' || v === '1'),
    DATABASE_URL: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .trim()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .optional(),
    ),
    DATABASE_SCHEMA: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL name')
        .default('public'),
    ),
    CHECKPOINT_INTERVAL_MS: z.preprocess(
      unsetIfEmpty,
      z.coerce.number().int().min(1000).default(DEFAULT_CHECKPOINT_INTERVAL_MS),
    ),
    REDIS_URL: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .trim()
        .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
        .optional(),
    ),
    REDIS_PREFIX: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be letters, digits, _ . or -')
        .default('journeyboard'),
    ),
    LOG_FOLLOW_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(20).max(60_000).default(200)),
    METRICS_TOKEN: secret,
    SECRETS_KEY: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .trim()
        .refine(
          (v) => Buffer.from(v, 'base64').length === 32,
          'must be 32 random bytes in base64 (openssl rand -base64 32)',
        )
        .optional(),
    ),
    WEBHOOK_ALLOW_PRIVATE: z.preprocess(unsetIfEmpty, z.enum(['true', 'false']).default('false')),
    WEBHOOK_SETTLE_MS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(20).max(60_000).default(2_000)),
    LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(LOG_LEVELS).default('info')),
    OIDC_ISSUER: z.preprocess(unsetIfEmpty, secureUrl.optional()),
    OIDC_CLIENT_ID: z.preprocess(unsetIfEmpty, z.string().trim().optional()),
    OIDC_CLIENT_SECRET: secret,
    PUBLIC_URL: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .trim()
        .regex(/^https?:\/\/[^/]+$/, 'must be an origin such as https://board.example.com (no path)')
        .optional(),
    ),
    SESSION_TTL_HOURS: z.preprocess(
      unsetIfEmpty,
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 90)
        .default(168),
    ),
  })
  .refine(
    (e) =>
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
    {
      message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (or none)',
      path: ['OIDC_ISSUER'],
    },
  )
  .refine((e) => !e.REDIS_URL || e.DATABASE_URL, {
    message: 'needs DATABASE_URL: several instances share their boards through PostgreSQL',
    path: ['REDIS_URL'],
  });

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; relative paths are resolved against `cwd`. */
export function readConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ServerConfig {
  const parsed = envSchema.safeParse(env);
  const trackers = readTrackerConfig(env);
  if (!parsed.success || !trackers.ok) {
    const lines = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
      ...(trackers.ok ? [] : trackers.lines),
    ];
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    clientDir: path.resolve(cwd, e.CLIENT_DIR),
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    createToken: e.CREATE_TOKEN ?? null,
    adminToken: e.ADMIN_TOKEN ?? null,
    corsOrigins: e.CORS_ORIGINS,
    allowedHosts: e.ALLOWED_HOSTS,
    databaseUrl: e.DATABASE_URL ?? null,
    databaseSchema: e.DATABASE_SCHEMA,
    checkpointIntervalMs: e.CHECKPOINT_INTERVAL_MS,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    logFollowMs: e.LOG_FOLLOW_MS,
    metricsToken: e.METRICS_TOKEN ?? null,
    secretsKey: e.SECRETS_KEY ?? null,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === 'true',
    webhookSettleMs: e.WEBHOOK_SETTLE_MS,
    logLevel: e.LOG_LEVEL,
    limits: {
      maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
      maxRecords: e.MAX_RECORDS,
      maxNoteLength: e.MAX_NOTE_LENGTH,
      maxTitleLength: e.MAX_TITLE_LENGTH,
      updateRate: e.UPDATE_RATE,
      updateBurst: e.UPDATE_BURST,
      maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
      maxNewIdentitiesPerLink: e.MAX_NEW_IDENTITIES_PER_LINK,
      maxConnectionsPerPerson: e.MAX_CONNECTIONS_PER_PERSON,
      maxDeviceTransferAttempts: e.MAX_DEVICE_TRANSFER_ATTEMPTS,
      ...(e.RESERVED_CONNECTIONS === undefined ? {} : { reservedConnections: e.RESERVED_CONNECTIONS }),
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
      authFailuresPerAddress: e.AUTH_FAILURES_PER_ADDRESS,
      authFailuresPerBoard: e.AUTH_FAILURES_PER_BOARD,
    },
    trustProxy: e.TRUST_PROXY,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
        : null,
    publicUrl: e.PUBLIC_URL ?? null,
    sessionTtlMs: e.SESSION_TTL_HOURS * 60 * 60_000,
    trackers: trackers.value,
  };
}

/** The address people type: a wildcard bind address is reachable as localhost on this machine. */
export function publicUrl(host: string, actualPort: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${actualPort}`;
}
