import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withoutToken } from './log.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  return { stream, lines };
}

describe('structured logs', () => {
  it('are JSON lines with the board and connection ids', () => {
    const { stream, lines } = capture();
    createLogger('info', stream).info({ board: 'k3j9x0a1b2c3', conn: 'c-1' }, 'connected');
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 30, board: 'k3j9x0a1b2c3', conn: 'c-1', msg: 'connected' });
    expect(typeof entry.time).toBe('number');
  });

  it('never write a token, an Authorization header or a configured secret, however deep it is logged', () => {
    const { stream, lines } = capture();
    const secrets = [
      'share-token-AAAA',
      'Bearer header-token-BBBB',
      'nested-token-CCCC',
      'admin-token-DDDD',
      'cookie-EEEE',
    ];
    createLogger('info', stream).warn(
      {
        token: secrets[0],
        req: { headers: { authorization: secrets[1], cookie: secrets[4], host: 'board.example' } },
        context: { token: secrets[2] },
        adminToken: secrets[3],
      },
      'something happened',
    );
    const text = lines.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('board.example'); // the rest is kept
    expect(text).toContain('[redacted]');
  });

  it('withoutToken strips a share token from a URL (download links carry it)', () => {
    expect(withoutToken('/api/boards/abc/priorities.csv?token=secret-1&x=1')).toBe(
      '/api/boards/abc/priorities.csv?token=%5Bredacted%5D&x=1',
    );
    expect(withoutToken('/api/boards/abc')).toBe('/api/boards/abc');
  });

  it('respect the level (tests run at warn or silent)', () => {
    const { stream, lines } = capture();
    const quiet = createLogger('warn', stream);
    quiet.info('not written');
    quiet.warn('written');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['written']);
  });
});
