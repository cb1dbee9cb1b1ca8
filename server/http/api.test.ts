import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { executeCommand, findTemplate, SCHEMA_VERSION, TEMPLATES } from '../../shared/index.ts';
import type {
  ApiErrorResponse,
  BoardInfoResponse,
  CreateBoardResponse,
  TemplateInfo,
} from '../../shared/protocol/http.ts';
import { connectProvider, waitForAck } from '../testing/providers.ts';
import { tokenFromFragment } from '../../shared/protocol/roles.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

describe('HTTP API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(`${server.url}/api/boards`, { method: 'POST', headers, body });
  const errorCode = async (res: Response) => ((await res.json()) as ApiErrorResponse).error.code;
  const facilitatorToken = (created: CreateBoardResponse) =>
    tokenFromFragment(new URL(created.links.facilitator, server.url).hash)!;
  const getInfo = (created: CreateBoardResponse) =>
    fetchAsPerson(`${server.url}/api/boards/${created.id}`, facilitatorToken(created));

  it('GET /healthz → 200 with the package version; Redis off on a single instance', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: packageJson.version, redis: 'off' });
  });

  it('POST /api/boards → 201 with the id and the board URL; GET shows the stored board', async () => {
    const res = await post(JSON.stringify({ title: '  Checkout journey  ', template: 'ecommerce' }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateBoardResponse;
    expect(created.id).toMatch(/^[0-9a-z]{12}$/);
    expect(created.url).toBe(created.links.facilitator);
    for (const link of Object.values(created.links))
      expect(link).toMatch(new RegExp(`^/b/${created.id}#token=[A-Za-z0-9_-]{32}$`));
    expect(res.headers.get('location')).toBe(`/api/boards/${created.id}`);

    const info = await getInfo(created);
    expect(info.status).toBe(200);
    const body = (await info.json()) as BoardInfoResponse;
    const template = findTemplate('ecommerce')!;
    expect(body).toMatchObject({
      id: created.id,
      title: 'Checkout journey',
      schemaVersion: SCHEMA_VERSION,
      counts: { stages: template.stages.length, lanes: template.lanes.length, notes: template.notes.length },
    });
    expect(body.updatedAt).toBeGreaterThanOrEqual(body.createdAt);
  });

  it('POST /api/boards with no title or template makes an "Untitled journey" from the blank template', async () => {
    const res = await post('{}');
    expect(res.status).toBe(201);
    const info = (await (await getInfo((await res.json()) as CreateBoardResponse)).json()) as BoardInfoResponse;
    expect(info.title).toBe('Untitled journey');
    expect(info.counts.notes).toBe(findTemplate('blank')!.notes.length);
  });

  it('GET /api/boards/:id reads a loaded board from its live document', async () => {
    const created = (await (await post('{"title":"Before"}')).json()) as CreateBoardResponse;
    const provider = await connectProvider(server.wsUrl, created.id, { token: facilitatorToken(created) });
    executeCommand(provider.document, { id: 'u', name: 'U', department: 'sales' }, 'renameBoard', {
      title: 'Live title',
    });
    await waitForAck(provider);
    const info = (await (await getInfo(created)).json()) as BoardInfoResponse;
    expect(info.title).toBe('Live title');
    provider.destroy();
  });

  it('400 for a body that is not JSON', async () => {
    const res = await post('{"title":');
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('bad-json');
  });

  it('400 for a title that fails validation', async () => {
    const tooLong = await post(JSON.stringify({ title: 'x'.repeat(121) }));
    expect(tooLong.status).toBe(400);
    expect(await errorCode(tooLong)).toBe('invalid-request');
    const notText = await post(JSON.stringify({ title: 42 }));
    expect(notText.status).toBe(400);
    expect(await errorCode(notText)).toBe('invalid-request');
    const notObject = await post('[1,2]');
    expect(notObject.status).toBe(400);
  });

  it('400 for an unknown template', async () => {
    const res = await post(JSON.stringify({ title: 'T', template: 'spaceship' }));
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('unknown-template');
  });

  it('404 for an unknown board, a malformed id and an unknown API route', async () => {
    for (const path of ['/api/boards/unknown00001', '/api/boards/NOT%20AN%20ID', '/api/nothing-here']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await errorCode(res)).toBe('not-found');
    }
  });

  it('405 with Allow for a wrong method', async () => {
    const list = await fetch(`${server.url}/api/boards`, { method: 'DELETE' });
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('POST, GET, HEAD');
    expect(await errorCode(list)).toBe('method-not-allowed');
    const del = await fetch(`${server.url}/api/boards/unknown00001`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
  });

  it('413 for a body over the cap (1 MiB), declared up front', async () => {
    const res = await post(JSON.stringify({ title: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('payload-too-large');
  });

  it('413 for a chunked body that grows past the cap, without reading it all', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      let answered = false;
      const req = http.request(
        `${server.url}/api/boards`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' } },
        (res) => {
          answered = true;
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body: text });
          });
        },
      );
      // Once answered, the server closes the socket under our writes (EPIPE): that is the point.
      req.on('error', (error) => answered || reject(error));
      // Keep writing 64 KiB chunks until the answer arrives: an endless upload must be cut off.
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (!req.destroyed && req.write(chunk));
        if (!req.destroyed) req.once('drain', pump);
      };
      req.write('{"title":"');
      pump();
    });
    expect(status).toBe(413);
    expect((JSON.parse(body) as ApiErrorResponse).error.code).toBe('payload-too-large');
  });

  it('GET /api/templates lists what the template picker needs', async () => {
    const res = await fetch(`${server.url}/api/templates`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as TemplateInfo[];
    expect(list.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    const ecommerce = list.find((t) => t.id === 'ecommerce')!;
    const template = findTemplate('ecommerce')!;
    expect(ecommerce).toEqual({
      id: 'ecommerce',
      name: template.name,
      description: template.description,
      stages: template.stages,
      lanes: template.lanes.map(({ name, kind }) => ({ name, kind })),
      noteCount: template.notes.length,
      source: 'builtin',
      personaCount: template.personas!.length,
      kpiCount: template.kpis!.length,
    });
  });
});
