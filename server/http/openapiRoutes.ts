import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import packageJson from '../../package.json' with { type: 'json' };
import type { HttpApp } from './httpEnv.ts';
import { SECURITY_SCHEMES } from './openapiParts.ts';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Swagger UI's files, from the installed package (no CDN): the page and our CSP allow only 'self'. */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'];

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Journeyboard API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
<main id="api-reference"><h1>Journeyboard API</h1><p>The reference needs JavaScript; the document itself is <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</p></main>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/start.js"></script>
</body>
</html>
`;

// An inline script would need 'unsafe-inline' in the CSP: the start-up is a file of its own.
const START = `window.SwaggerUIBundle({ url: ${JSON.stringify(OPENAPI_PATH)}, dom_id: '#api-reference', deepLinking: true });\n`;

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document, made from the routes' definitions
 * (apiRoute.ts). `GET /api/docs`: a reference page over it (Swagger UI). Call after every
 * route is registered: the document is generated on each request from the registry.
 */
export function registerOpenApiRoutes(app: HttpApp): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES))
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Journeyboard API',
      version: packageJson.version,
      description:
        'The HTTP API of a Journeyboard server. Concepts (share links, roles, people and their credentials, exports) are explained in docs/api.md and docs/security.md. Every error answer is `{ "error": { "code", "message" } }`.',
    },
  });
  const noStore = { 'Cache-Control': 'no-cache' };
  app.get(DOCS_PATH, (c) => c.body(PAGE, 200, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' }));
  app.get(`${DOCS_PATH}/start.js`, (c) =>
    c.body(START, 200, { ...noStore, 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  for (const file of SWAGGER_UI_FILES)
    app.get(`${DOCS_PATH}/${file}`, serveStatic({ root: SWAGGER_UI_DIR, path: file }));
}
