import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestOidcProvider, type TestOidcProvider } from '../testing/oidcProvider.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { honoPath } from './apiRoute.ts';
import { DOCS_PATH, OPENAPI_PATH } from './openapiRoutes.ts';

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: object };
};

/** A route definition as registered (apiRoute.ts): zod schemas and their examples. */
interface MediaType {
  schema?: z.ZodType | object;
  example?: unknown;
}
interface Definition {
  method: string;
  path: string;
  request?: { body?: { content: Record<string, MediaType> } };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

// Every optional part of the server on (sign-in, metrics), so every route is registered.
describe('OpenAPI document', () => {
  let idp: TestOidcProvider;
  let server: TestServer;
  let doc: Document;
  beforeAll(async () => {
    idp = await startTestOidcProvider();
    server = await startTestServer({
      oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
      metricsToken: 'metrics-secret',
    });
    const res = await fetch(`${server.url}${OPENAPI_PATH}`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Document;
  });
  afterAll(async () => {
    await server?.close();
    await idp?.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the app answers, with the methods it answers them with', () => {
    const own = new Set([OPENAPI_PATH, DOCS_PATH]);
    const routes = server.server.httpApp.routes.filter(
      (r) => r.method !== 'ALL' && r.path !== '/*' && !own.has(r.path) && !r.path.startsWith(`${DOCS_PATH}/`),
    );
    expect(routes.length).toBeGreaterThan(30);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${honoPath(path)}`),
      ),
    );
    const missing = routes.map((r) => `${r.method} ${r.path}`).filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    expect(documented.size).toBe(new Set(routes.map((r) => `${r.method} ${r.path}`)).size);
  });

  it('says how each route is authorised, with declared schemes only', () => {
    const schemes = new Set(Object.keys(doc.components.securitySchemes));
    expect([...schemes].sort()).toEqual(
      [
        'adminToken',
        'createToken',
        'deviceCredential',
        'integrationKey',
        'metricsToken',
        'personCredential',
        'session',
        'shareLink',
      ].sort(),
    );
    const board = doc.paths['/api/boards/{id}']!.get!;
    expect(board.security).toContainEqual({ shareLink: [], personCredential: [] });
    expect(doc.paths['/api/boards']!.get!.security).toEqual([{ adminToken: [] }]);
    // A job's key is one way into the ingest, beside the facilitator's and editors' links.
    expect(doc.paths['/api/boards/{id}/measurements']!.post!.security).toContainEqual({ integrationKey: [] });
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops))
        for (const requirement of op.security ?? [])
          for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
  });

  it('gives every error answer the error body', () => {
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [status, response] of Object.entries(op.responses))
          if (Number(status) >= 400)
            expect(response.content?.['application/json']?.schema, `${method} ${path} ${status}`).toMatchObject({
              properties: { error: { required: ['code', 'message'] } },
            });
  });

  it("accepts each route's examples by its own schema", () => {
    let checked = 0;
    const definitions = server.server.httpApp.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route' ? [d.route as unknown as Definition] : [],
    );
    for (const route of definitions) {
      const media = [
        ...Object.values(route.request?.body?.content ?? {}),
        ...Object.values(route.responses).flatMap((r) => Object.values(r.content ?? {})),
      ];
      for (const { schema, example } of media) {
        if (example === undefined || !schema || !('safeParse' in schema)) continue;
        const result = schema.safeParse(example);
        expect(result.success, `${route.method} ${route.path}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('serves a reference page and its files from this server, under the CSP', async () => {
    const page = await fetch(`${server.url}${DOCS_PATH}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source.startsWith('/'), source).toBe(true);
      const res = await fetch(`${server.url}${source}`);
      expect(res.status, source).toBe(200);
    }
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
