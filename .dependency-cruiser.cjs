// Import rules, checked by `npm run lint:deps` (part of `npm test`); docs/architecture.md explains them.
//
// 1. No import cycles between files, anywhere in client/, server/ and shared/.
// 2. Inside each of client/, server/ and shared/, the top folders are layers, listed below from
//    the bottom up: a folder imports only the folders listed before it, never one after it, so no
//    two top folders can import each other, even through others. Tests (*.test.ts) and the
//    `testing/` helpers may import across layers (a test starts the whole server); only they
//    import `testing/`.
// 3. client/ and server/ import shared/; shared/ imports neither, nor React, Konva, Hocuspocus,
//    DOM-only or node: modules.
//

/** Bottom first. Each entry is a top folder, or files at the root named by a pattern. */
const LAYERS = {
  shared: [
    'schema',
    'doc',
    'migrations',
    'templates',
    'model',
    'protocol',
    'presence',
    'comments',
    'export',
    // shared/index.ts: the one way in for client and server.
    '(root)',
  ],
  server: [
    'config',
    'observability',
    'storage',
    'identity',
    'access',
    'live',
    'scaleout',
    'people',
    'persistence',
    'checkpoints',
    'reveal',
    'voting',
    'privateWriting',
    'workshop',
    'templates',
    'comments',
    'auth',
    'kpi',
    // The board API's services for scripts (bulk notes).
    'boardApi',
    // Webhooks: subscriptions, the delivery log, signed deliveries sent off the board's path, SSRF checks.
    'webhooks',
    // Issues created in GitHub and Jira for actions (uses the webhooks' outbound POST).
    'trackers',
    // Every feature's repository over one database, as createServer hands them out.
    'repositories',
    // HTTP routes: each reaches features through the services createServer gives it.
    'http',
    // Hocuspocus extensions: each wires one feature into the document server (HttpRequests
    // hands requests to http/).
    'extensions',
    'operations',
    // createServer.ts (the wiring), main.ts, start.ts.
    '(root)',
    // Command-line tools (backup, restore): entry points like main.ts.
    'tools',
    // Attack tests, as an outside client (raw sockets and providers); rawHttp.ts is their helper.
    'security',
  ],
  client: [
    'boot',
    'api',
    'identity',
    'sync',
    'geometry',
    // State and hooks: sessions, stores, commands. Never drawing.
    'board',
    // Drawing: Konva layers and shapes, reading board/ through its hooks.
    'canvas',
    'exports',
    'ui',
    'kpi',
    'outline',
    // The typed window test API, installed by the board page in test builds only.
    'testing',
    'pages',
    '(root)',
  ],
};

// Test files.
const TEST = '\\.test\\.tsx?$';

/** A path pattern for a top folder of `area` (its root files for `(root)`). */
function folderPath(area, folder) {
  return folder === '(root)' ? `^${area}/[^/]+$` : `^${area}/${folder}/`;
}

function layerRules() {
  const rules = [];
  for (const [area, folders] of Object.entries(LAYERS)) {
    folders.forEach((folder, index) => {
      const above = folders.slice(index + 1);
      if (above.length === 0) return;
      rules.push({
        name: `layers-${area}-${folder}`,
        comment: `${area}/${folder} sits below ${above.join(', ')} (.dependency-cruiser.cjs LAYERS)`,
        severity: 'error',
        from: { path: folderPath(area, folder), pathNot: [TEST, `^${area}/testing/`] },
        to: { path: above.map((f) => folderPath(area, f)) },
      });
    });
  }
  return rules;
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other, directly or through others.',
      severity: 'error',
      from: { path: '^(client|server|shared)/' },
      to: { circular: true },
    },
    ...layerRules(),
    {
      name: 'only-tests-import-testing',
      comment: 'testing/ helpers are for tests (the client test API is installed by the board page in test builds).',
      severity: 'error',
      from: {
        path: '^(client|server|shared)/',
        pathNot: [TEST, '^(client|server|shared)/testing/', '^client/pages/BoardPage\\.tsx$'],
      },
      to: { path: '^(client|server|shared)/testing/' },
    },
    {
      name: 'shared-imports-neither-client-nor-server',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'client-and-server-apart',
      comment: 'The client and the server meet in shared/ only (tests may start a server).',
      severity: 'error',
      from: { path: '^client/', pathNot: TEST },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-stays-plain',
      comment: 'shared/ is the board model: yjs and zod, never React, Konva, Hocuspocus, the DOM or node: modules.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { path: '^node_modules/(react|react-dom|react-konva|konva|@hocuspocus)/' },
    },
    {
      name: 'shared-no-node-modules',
      comment: 'shared/ runs in the browser too: no node: built-ins outside its tests.',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a cycle of types is a cycle a reader has to follow too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
