import { afterEach, describe, expect, it } from 'vitest';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { logLevel, onLogLine, setLogLevel } from '../observability/log.ts';

describe('connection logs', () => {
  let server: TestServer | undefined;
  const undo: (() => void)[] = [];
  afterEach(async () => {
    undo.splice(0).forEach((u) => u());
    await server?.close();
  });

  it('a connection’s lines carry the board id and the connection id, never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const level = logLevel();
    setLogLevel('info');
    const stop = onLogLine((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    undo.push(stop, () => setLogLevel(level));

    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
    const provider = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    provider.destroy();
    await waitFor(() => lines.some((l) => l.msg === 'connection closed' && l.board === id), {
      what: 'the closing line',
    });

    const opened = lines.find((l) => l.msg === 'connection opened' && l.board === id);
    expect(opened).toMatchObject({ board: id, role: 'editor', readOnly: false });
    expect(typeof opened?.conn).toBe('string');
    expect(lines.find((l) => l.msg === 'connection closed')?.conn).toBe(opened?.conn);
    const text = JSON.stringify(lines);
    for (const token of Object.values(tokens)) expect(text).not.toContain(token);
  });
});
