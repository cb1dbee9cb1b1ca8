import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, publicUrl, readConfig } from './config.ts';

describe('config', () => {
  it('has defaults for everything, with paths resolved against the working directory', () => {
    expect(readConfig({}, '/srv/jb')).toMatchObject({
      port: 1234,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/jb/data'),
      clientDir: path.resolve('/srv/jb/dist/client'),
      maxBodyBytes: 1024 * 1024,
      maxMessageBytes: 16 * 1024 * 1024,
      createToken: null,
      adminToken: null,
      corsOrigins: [],
      limits: DEFAULT_LIMITS,
    });
  });

  it('reads tokens, CORS origins and every cap', () => {
    const config = readConfig({
      CREATE_TOKEN: 'c'.repeat(20),
      ADMIN_TOKEN: 'a'.repeat(20),
      CORS_ORIGINS: 'https://a.example, https://b.example',
      MAX_DOCUMENT_BYTES: '65536',
      MAX_RECORDS: '10',
      MAX_NOTE_LENGTH: '50',
      MAX_TITLE_LENGTH: '30',
      UPDATE_RATE: '5',
      UPDATE_BURST: '7',
      MAX_CONNECTIONS_PER_BOARD: '3',
      RESERVED_CONNECTIONS: '1',
      MAX_CONNECTIONS_PER_ADDRESS: '2',
      AUTH_FAILURES_PER_ADDRESS: '4',
      AUTH_FAILURES_PER_BOARD: '9',
      MAX_CONNECTIONS_PER_PERSON: '4',
      TRUST_PROXY: 'true',
    });
    expect(config).toMatchObject({
      createToken: 'c'.repeat(20),
      adminToken: 'a'.repeat(20),
      corsOrigins: ['https://a.example', 'https://b.example'],
      limits: {
        maxDocumentBytes: 65536,
        maxRecords: 10,
        maxNoteLength: 50,
        maxTitleLength: 30,
        updateRate: 5,
        updateBurst: 7,
        maxConnectionsPerBoard: 3,
        reservedConnections: 1,
        maxConnectionsPerAddress: 2,
        authFailuresPerAddress: 4,
        authFailuresPerBoard: 9,
        maxConnectionsPerPerson: 4,
      },
      trustProxy: true,
    });
    expect(() => readConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
    expect(() => readConfig({ MAX_RECORDS: '0' })).toThrow(/MAX_RECORDS/);
  });

  it('reads the environment; PORT=0 means "pick a free port", an empty PORT means unset', () => {
    const config = readConfig(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/var/jb', CLIENT_DIR: 'web', MAX_BODY_BYTES: '4096' },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/var/jb',
      clientDir: '/srv/web',
      maxBodyBytes: 4096,
    });
    expect(readConfig({ PORT: '' }).port).toBe(1234);
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readConfig({ MAX_BODY_BYTES: '-1' })).toThrow(/MAX_BODY_BYTES/);
  });

  it('reads Redis, the metrics token and the log level; REDIS_URL needs DATABASE_URL', () => {
    expect(readConfig({})).toMatchObject({
      redisUrl: null,
      redisPrefix: 'journeyboard',
      metricsToken: null,
      logLevel: 'info',
    });
    const config = readConfig({
      DATABASE_URL: 'postgres://db/jb',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      REDIS_PREFIX: 'jb-prod',
      METRICS_TOKEN: 'm'.repeat(24),
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379/0',
      redisPrefix: 'jb-prod',
      metricsToken: 'm'.repeat(24),
      logLevel: 'warn',
    });
    expect(() => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL: needs DATABASE_URL/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://db/jb', REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('shows a wildcard bind address as localhost', () => {
    expect(publicUrl('0.0.0.0', 1234)).toBe('http://localhost:1234');
    expect(publicUrl('127.0.0.1', 5)).toBe('http://127.0.0.1:5');
    expect(publicUrl('::1', 5)).toBe('http://[::1]:5');
  });

  it('reads ALLOWED_HOSTS as lower-case names (default: none listed) and refuses what is not a name', () => {
    expect(readConfig({}).allowedHosts).toEqual([]);
    expect(readConfig({ ALLOWED_HOSTS: 'Board.example.com, .corp.example,*' }).allowedHosts).toEqual([
      'board.example.com',
      '.corp.example',
      '*',
    ]);
    expect(() => readConfig({ ALLOWED_HOSTS: 'https://board.example.com/' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('company sign-in: the three OIDC variables together, an https issuer (http only on this machine), an origin for PUBLIC_URL', () => {
    const oidc = {
      OIDC_ISSUER: 'https://login.example.com/tenant/v2.0',
      OIDC_CLIENT_ID: 'journeyboard',
      OIDC_CLIENT_SECRET: 'a-secret-of-16-chars-or-more',
    };
    expect(readConfig({}).oidc).toBeNull();
    expect(readConfig(oidc)).toMatchObject({
      oidc: { issuer: oidc.OIDC_ISSUER, clientId: 'journeyboard', clientSecret: oidc.OIDC_CLIENT_SECRET },
      sessionTtlMs: 168 * 3_600_000,
    });
    expect(() => readConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/together/);
    expect(() => readConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.com' })).toThrow(/OIDC_ISSUER/);
    expect(readConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x' }).oidc?.issuer).toBe(
      'http://127.0.0.1:8080/realms/x',
    );
    expect(readConfig({ PUBLIC_URL: 'https://board.example.com' }).publicUrl).toBe('https://board.example.com');
    expect(() => readConfig({ PUBLIC_URL: 'https://board.example.com/app' })).toThrow(/PUBLIC_URL/);
  });
});
