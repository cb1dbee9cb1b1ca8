import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the client build and for vitest. `--mode test` builds the client with the
// typed window test API (see client/testing/) into its own folder, so e2e never ships in prod.
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: mode === 'test' ? '../dist/client-test' : '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:1234',
      '/healthz': 'http://127.0.0.1:1234',
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
