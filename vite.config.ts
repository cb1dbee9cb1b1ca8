import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const BOOT = fileURLToPath(new URL('./client/boot/prefetchBoard.ts', import.meta.url));

/**
 * The board download (client/boot/prefetchBoard.ts) is its own entry and the page's first
 * script, `async`: it starts as soon as its few hundred bytes arrive, not after the app's ~1 MB.
 * The app imports it from that chunk, so both share one module instance.
 */
function bootScriptFirst(): Plugin {
  return {
    name: 'journeyboard-boot-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk =
          ctx.bundle && Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (ctx.bundle && !chunk) throw new Error('the boot entry is missing from the build');
        const src = chunk ? `/${chunk.fileName}` : '/boot/prefetchBoard.ts';
        return [
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src }, injectTo: 'head-prepend' },
        ];
      },
    },
  };
}

/**
 * app-assets.json: every script and style of the build, for sw.js to keep offline, the ones a
 * board loads on first use (React.lazy panels, the KPI chart, exports) as well as its first ones.
 */
function assetList(): Plugin {
  return {
    name: 'journeyboard-asset-list',
    apply: 'build',
    // After Vite's CSS plugin has dropped the empty chunks of CSS-only modules: listed, they 404,
    // and sw.js would never hold the whole list.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => /^assets\/.*\.(js|css)$/.test(f))
        .map((f) => `/${f}`);
      this.emitFile({ type: 'asset', fileName: 'app-assets.json', source: JSON.stringify(files) });
    },
  };
}

// One config for the client build and for vitest. `--mode test` builds the client with the
// typed window test API (see client/testing/) into its own folder, so e2e never ships in prod.
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [react(), bootScriptFirst(), assetList()],
  build: {
    outDir: mode === 'test' ? '../dist/client-test' : '../dist/client',
    rollupOptions: { input: { index: fileURLToPath(new URL('./client/index.html', import.meta.url)), boot: BOOT } },
    emptyOutDir: true,
    // Source maps publish the client's sources as written, comments and all: only when asked for
    // (SOURCEMAPS=true npm run build), or in the test build, whose stack traces people read.
    sourcemap: mode === 'test' || process.env.SOURCEMAPS === 'true',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:1234',
      '/healthz': 'http://127.0.0.1:1234',
      // Company sign-in: the provider returns to /auth/callback; set PUBLIC_URL to the dev origin so the redirect URI matches.
      '/auth': 'http://127.0.0.1:1234',
      '/collab': { target: 'ws://127.0.0.1:1234', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
}));
