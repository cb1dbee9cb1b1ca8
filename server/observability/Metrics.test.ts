import { afterEach, describe, expect, it } from 'vitest';
import { executeCommand, readBoard } from '../../shared/index.ts';
import { connectProvider, refusalReason, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

/** One sample's value from Prometheus text (`name{labels} value`), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());
  const get = (token?: string, query = '') =>
    fetch(`${server!.url}/metrics${query}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('is off without METRICS_TOKEN, and needs the token in the Authorization header when it is set', async () => {
    server = await startTestServer();
    expect((await get(METRICS_TOKEN)).status).toBe(403);
    await server.close();
    server = await startTestServer({ metricsToken: METRICS_TOKEN });
    expect((await get()).status).toBe(401);
    expect((await get('wrong-token-wrong-token')).status).toBe(401);
    expect((await get(undefined, `?token=${METRICS_TOKEN}`)).status).toBe(401); // never from the URL
    const ok = await get(METRICS_TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('counts connections, open boards, changes, store latency, log rows and refusals, and names no board or token', async () => {
    server = await startTestServer({ metricsToken: METRICS_TOKEN });
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const provider = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const { stages, lanes } = readBoard(provider.document);
    executeCommand(provider.document, { id: 'ann', name: 'Ann', department: 'sales' }, 'addNote', {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'Counted',
    });
    await waitForAck(provider);
    expect(await refusalReason(server.wsUrl, id, 'not-a-real-token')).toBe('unauthorized');

    const text = await (await get(METRICS_TOKEN)).text();
    expect(sample(text, 'journeyboard_connections')).toBe(1);
    expect(sample(text, 'journeyboard_open_boards')).toBe(1);
    expect(sample(text, 'journeyboard_document_changes_total{source="connection"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'journeyboard_store_seconds_count{operation="appendUpdate"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'journeyboard_update_log_rows')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'journeyboard_refused_total{reason="unauthorized"}')).toBe(1);
    expect(text).toContain('# TYPE journeyboard_store_seconds histogram');
    for (const secret of [id, ...Object.values(tokens), METRICS_TOKEN]) expect(text).not.toContain(secret);
    provider.destroy();
  });
});
