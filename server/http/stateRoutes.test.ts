import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard, readMeta, type NoteId } from '../../shared/index.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { boardCallHeaders, fetchAsPerson } from '../testing/identities.ts';

const actor = { id: 'u1', name: 'Ana', department: 'support' as const };

/** GET with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('GET /api/boards/:id/state', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const stateUrl = (id: string) => `${server.url}/api/boards/${id}/state`;

  it('gives any share link the board as one Yjs update (v2), brotli or gzip as the client takes them', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const provider = await connectProvider(server.wsUrl, id);
    const live = server.server.hocuspocus.documents.get(id)!;
    for (const role of ['viewer', 'commenter', 'editor', 'facilitator'] as const) {
      for (const [accept, decode] of [
        ['br', zlib.brotliDecompressSync],
        ['gzip', zlib.gunzipSync],
        ['identity', (b: Buffer) => b],
      ] as const) {
        const res = await get(stateUrl(id), {
          ...(await boardCallHeaders(server.url, id, tokens[role])),
          'Accept-Encoding': accept,
        });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/octet-stream');
        expect(res.headers['content-encoding']).toBe(accept === 'identity' ? undefined : accept);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.vary).toBe('Accept-Encoding');
        const doc = new Y.Doc();
        Y.applyUpdateV2(doc, decode(res.body));
        expect(readMeta(doc).boardId).toBe(id);
        expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(live));
        expect(readBoard(doc).notes.map((n) => n.text)).toEqual(readBoard(live).notes.map((n) => n.text));
      }
    }
    provider.destroy();
  });

  it('serves a board nobody has open from storage', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    expect(server.server.hocuspocus.documents.has(id)).toBe(false);
    const res = await fetchAsPerson(stateUrl(id), tokens.viewer);
    expect(res.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, new Uint8Array(await res.arrayBuffer()));
    expect(readMeta(doc).boardId).toBe(id);
    expect(readBoard(doc).notes.length).toBeGreaterThan(0);
  });

  it('refuses without a valid link, and for unknown or malformed boards, with the API error shape', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url);
    const cases: [string, Record<string, string>, number, string][] = [
      [stateUrl(id), {}, 401, 'unauthorized'],
      [stateUrl(id), { Authorization: 'Bearer not-a-real-token-000000' }, 401, 'unauthorized'],
      [stateUrl('unknown00001'), { Authorization: `Bearer ${tokens.viewer}` }, 404, 'not-found'],
      [stateUrl('NOT%20AN%20ID'), { Authorization: `Bearer ${tokens.viewer}` }, 404, 'not-found'],
    ];
    for (const [url, headers, status, code] of cases) {
      const res = await fetch(url, { headers });
      expect(res.status, url).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it('a page that applies the download and then connects receives only what changed since', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const writer = await connectProvider(server.wsUrl, id);
    const res = await fetchAsPerson(stateUrl(id), tokens.editor);
    const page = new Y.Doc();
    Y.applyUpdateV2(page, new Uint8Array(await res.arrayBuffer()));
    // Changed on the server after the download (and within the encoding's lifetime).
    const noteId = readBoard(writer.document).notes[0]!.id as NoteId;
    executeCommand(writer.document, actor, 'editNoteText', { noteId, text: 'Changed after the download' });
    await waitForAck(writer);

    let received = 0;
    page.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== null) received += update.byteLength;
    });
    const reader = await connectProvider(server.wsUrl, id, { document: page, token: tokens.editor });
    await waitFor(() => readBoard(page).notesById.get(noteId)?.text === 'Changed after the download', {
      what: 'the later edit',
    });
    expect(received).toBeLessThan(Y.encodeStateAsUpdate(writer.document).byteLength / 4);
    reader.destroy();
    writer.destroy();
  });
});
