import pino from 'pino';
import type { LogLevel } from '../config/config.ts';

/**
 * Structured logs: one JSON object per line on stdout (pino), with `board` and `conn`
 * fields where they apply, so a log system can filter by board or follow one connection.
 *
 * Never a secret: share tokens, Authorization headers, ADMIN/CREATE/METRICS tokens. Code never
 * passes them on purpose; the redaction below is the safety net for an object logged whole
 * (an error with a request attached, a context), and `withoutToken` strips `?token=` from a URL
 * (download links carry it there). log.test.ts checks both.
 */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'adminToken',
  'createToken',
  'metricsToken',
];

export type Logger = pino.Logger;

let errorCount = 0;

/** Errors (level error or fatal) logged by this process so far; a metric (Metrics.ts). */
export function errorsLogged(): number {
  return errorCount;
}

/**
 * The process's logger. Its level is LOG_LEVEL when set; otherwise `info`, or `warn` under
 * vitest so that test output stays quiet (main.ts sets the configured level at start-up).
 */
export const log: Logger = createLogger(defaultLevel(), { write: (line: string) => writeLine(line) });

const listeners = new Set<(line: string) => void>();

function writeLine(line: string): void {
  process.stdout.write(line); // synchronous for files, TTYs and (on Linux) pipes
  for (const listener of listeners) listener(line);
}

/** Calls `listener` with every line the process logger writes (tests check what is logged). */
export function onLogLine(listener: (line: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A logger writing to `destination` (tests read what it wrote); stdout by default. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
    hooks: {
      logMethod(args, method, level) {
        if (level >= 50) errorCount++;
        method.apply(this, args);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function setLogLevel(level: LogLevel): void {
  log.level = level;
}

export function logLevel(): LogLevel {
  return log.level as LogLevel;
}

/** `url` without its query's `token` (download links carry the share token there). */
export function withoutToken(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  if (!params.has('token')) return url;
  params.set('token', '[redacted]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

function defaultLevel(): LogLevel {
  const fromEnv = process.env.LOG_LEVEL;
  const levels: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (fromEnv && levels.includes(fromEnv)) return fromEnv as LogLevel;
  return process.env.VITEST ? 'warn' : 'info';
}
