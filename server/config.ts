import path from 'node:path';
import { z } from 'zod';

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
}

const MiB = 1024 * 1024;

// An empty variable (`PORT=`) means "not set", not 0: z.coerce would turn '' into port 0.
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const port = z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65_535).default(1234));
const text = (fallback: string) => z.preprocess(unsetIfEmpty, z.string().trim().min(1).default(fallback));
const bytes = (fallback: number) => z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1024).default(fallback));

const envSchema = z.object({
  PORT: port,
  HOST: text('0.0.0.0'),
  DATA_DIR: text('./data'),
  CLIENT_DIR: text('dist/client'),
  MAX_BODY_BYTES: bytes(1 * MiB),
  // A client's first sync sends its whole offline diff in one message; 16 MiB leaves room for
  // a big board while stopping a runaway client well before memory trouble.
  MAX_MESSAGE_BYTES: bytes(16 * MiB),
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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
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
  };
}

/** The address people type: a wildcard bind address is reachable as localhost on this machine. */
export function publicUrl(host: string, actualPort: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${actualPort}`;
}
