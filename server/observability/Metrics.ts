import type { Extension, Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { errorsLogged } from './log.ts';

export interface MetricsConfiguration {
  /** Rows of the update log a live document knows of (Persistence.logRows). */
  logRows?: (document: Y.Doc) => number;
  /** Whether a live document waits for changes missing from its log (Persistence.hasGap). */
  hasGap?: (document: Y.Doc) => boolean;
  /** Adds Node's process metrics (CPU, memory, event-loop lag, GC). Off in tests that start many servers. */
  processMetrics?: boolean;
}

// Latency buckets in seconds: a local SQLite append takes well under a millisecond, a PostgreSQL
// one a few; a compaction of a big board tens of milliseconds.
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Where a change to a board document came from: a client here, another instance, or the server itself. */
export type ChangeSource = 'connection' | 'redis' | 'server';

/**
 * Prometheus metrics, served at `GET /metrics` (metricsRoutes.ts). One registry per
 * server. Labels never carry a board id, a token or any other secret: only the kind of store
 * operation, the source of a change and the reason of a refusal. A plain service: the
 * DocumentMetrics extension (server/extensions/) tells it of the live documents and their changes.
 */
export class Metrics {
  readonly registry = new Registry();
  private instance: Hocuspocus | null = null;
  private redisState: () => string = () => 'off';
  private readonly changes: Counter<'source'>;
  private readonly refused: Counter<'reason'>;
  private readonly storeSeconds: Histogram<'operation'>;
  private readonly storeErrors: Counter<'operation'>;
  private readonly catchUps: Counter<'reason'>;
  private readonly caughtUpRows: Counter;
  private readonly catchUpDelay: Histogram;

  constructor(configuration: MetricsConfiguration = {}) {
    const registers = [this.registry];
    const live = () => this.instance;
    new Gauge({
      name: 'journeyboard_connections',
      help: 'Open WebSocket connections to boards (one per provider and document).',
      registers,
      collect() {
        this.set(live()?.getConnectionsCount() ?? 0);
      },
    });
    new Gauge({
      name: 'journeyboard_open_boards',
      help: 'Board documents loaded in this instance.',
      registers,
      collect() {
        this.set(live()?.getDocumentsCount() ?? 0);
      },
    });
    const logRows = configuration.logRows;
    const rowsPerBoard = () => [...(live()?.documents.values() ?? [])].map((d) => logRows?.(d) ?? 0);
    new Gauge({
      name: 'journeyboard_update_log_rows',
      help: 'Update-log rows not yet folded into a snapshot, summed over the open boards.',
      registers,
      collect() {
        this.set(rowsPerBoard().reduce((a, b) => a + b, 0));
      },
    });
    new Gauge({
      name: 'journeyboard_update_log_rows_max',
      help: 'The longest update log of an open board (rows not yet folded into a snapshot).',
      registers,
      collect() {
        this.set(Math.max(0, ...rowsPerBoard()));
      },
    });
    const hasGap = configuration.hasGap;
    new Gauge({
      name: 'journeyboard_boards_with_gap',
      help: 'Open boards loaded with changes missing from their update log, not yet healed by a client (docs/operations.md).',
      registers,
      collect() {
        this.set([...(live()?.documents.values() ?? [])].filter((d) => hasGap?.(d)).length);
      },
    });
    this.changes = new Counter({
      name: 'journeyboard_document_changes_total',
      help: 'Changes applied to board documents, by source: connection (a client here), redis (another instance), server (migrations, repairs, restores).',
      labelNames: ['source'],
      registers,
    });
    this.refused = new Counter({
      name: 'journeyboard_refused_total',
      help: 'Connections and messages refused, by reason (the close reason the client receives).',
      labelNames: ['reason'],
      registers,
    });
    this.storeSeconds = new Histogram({
      name: 'journeyboard_store_seconds',
      help: 'Time of each storage operation, by operation (appendUpdate is the update-log append an acknowledgement waits for).',
      labelNames: ['operation'],
      buckets: STORE_BUCKETS,
      registers,
    });
    this.storeErrors = new Counter({
      name: 'journeyboard_store_errors_total',
      help: 'Storage operations that failed, by operation.',
      labelNames: ['operation'],
      registers,
    });
    const redisState = () => this.redisState();
    new Gauge({
      name: 'journeyboard_redis_up',
      help: 'Several instances: 1 while every Redis connection of this instance is ready, 0 while one is not (edits then cross through the database), absent on a single instance.',
      registers,
      collect() {
        const state = redisState();
        if (state === 'off') this.reset();
        else this.set(state === 'up' ? 1 : 0);
      },
    });
    this.catchUps = new Counter({
      name: 'journeyboard_log_catchups_total',
      help: 'Times this instance read rows of an open board that another instance logged and it had not received (several instances), by reason: unseen-rows, or compacted-elsewhere (it merged the whole stored board).',
      labelNames: ['reason'],
      registers,
    });
    this.caughtUpRows = new Counter({
      name: 'journeyboard_log_caught_up_rows_total',
      help: 'Log rows applied by those catch-ups: edits whose relay through Redis was late, lost or never sent.',
      registers,
    });
    this.catchUpDelay = new Histogram({
      name: 'journeyboard_log_catchup_delay_seconds',
      help: 'Several instances: for changes that reached this instance from the log instead of through Redis, how long after they were logged (the relay lag of lost relays; bounded by LOG_FOLLOW_MS plus a read).',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    new Counter({
      name: 'journeyboard_errors_logged_total',
      help: 'Errors logged by this process (log level error or fatal).',
      registers,
      collect() {
        this.reset();
        this.inc(errorsLogged());
      },
    });
    if (configuration.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'journeyboard_' });
  }

  /** The live documents and connections the gauges count. */
  watch(instance: Hocuspocus): void {
    this.instance = instance;
  }

  /** Where journeyboard_redis_up reads the Redis state from (RedisHealth). */
  watchRedis(state: () => string): void {
    this.redisState = state;
  }

  countChange(source: ChangeSource): void {
    this.changes.inc({ source });
  }

  /** Counts a catch-up from the log (Persistence.follow) and the rows it applied. */
  countCatchUp(reason: string, rows: number, delayMs: number | null): void {
    this.catchUps.inc({ reason });
    this.caughtUpRows.inc(rows);
    if (delayMs !== null) this.catchUpDelay.observe(Math.max(0, delayMs) / 1000);
  }

  /** Counts one refusal; `reason` is one of the close reasons in shared/protocol/closeReasons.ts. */
  countRefusal(reason: string): void {
    this.refused.inc({ reason: /^[a-z-]{1,40}$/.test(reason) ? reason : 'other' });
  }

  /** The repositories with every method timed (and failures counted); same behaviour otherwise. */
  instrumentRepositories<R extends object>(repositories: R): R {
    const instrumented: Record<string, unknown> = { ...(repositories as Record<string, unknown>) };
    for (const [name, value] of Object.entries(repositories))
      if (name !== 'database' && typeof value === 'object' && value !== null)
        instrumented[name] = this.instrumentStore(value);
    return instrumented as R;
  }

  /** A repository with every method timed (and failures counted); same behaviour otherwise. */
  instrumentStore<T extends object>(store: T): T {
    return new Proxy(store, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'close') {
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return (...args: unknown[]) => {
          const end = this.storeSeconds.startTimer({ operation: prop });
          const failed = () => this.storeErrors.inc({ operation: prop });
          try {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            if (result instanceof Promise)
              return result.then(
                (v) => {
                  end();
                  return v;
                },
                (e: unknown) => {
                  end();
                  failed();
                  throw e;
                },
              );
            end();
            return result;
          } catch (error) {
            end();
            failed();
            throw error;
          }
        };
      },
    });
  }

  /**
   * Wraps the hooks of `extensions` that refuse by throwing a close reason (`{ code, reason }`,
   * shared/protocol/closeReasons.ts) so that each refusal is counted; the throw goes on as before.
   */
  countRefusalsOf(extensions: readonly Extension[]): void {
    for (const extension of extensions) {
      const hooks = extension as unknown as Record<string, unknown>;
      for (const hook of ['onAuthenticate', 'onConnect', 'beforeHandleMessage', 'onLoadDocument'] as const) {
        const original = hooks[hook];
        if (typeof original !== 'function') continue;
        hooks[hook] = async (...args: unknown[]) => {
          try {
            return await (original as (...a: unknown[]) => Promise<unknown>).apply(extension, args);
          } catch (error) {
            const reason = (error as { reason?: unknown } | null)?.reason;
            if (typeof reason === 'string' && typeof (error as { code?: unknown }).code === 'number')
              this.countRefusal(reason);
            throw error;
          }
        };
      }
    }
  }
}
