import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** One page per peer. Excalidraw loads its fonts from EXCALIDRAW_ASSET_PATH: served from here, not a CDN. */
export default defineConfig({
  root,
  plugins: [
    react(),
    {
      name: 'excalidraw-fonts',
      closeBundle: () =>
        cpSync(resolve(root, 'node_modules/@excalidraw/excalidraw/dist/prod/fonts'), resolve(root, 'dist/fonts'), {
          recursive: true,
        }),
    },
  ],
  build: {
    outDir: 'dist',
    // The peers ship as they are; their chunk sizes are not this benchmark's business.
    chunkSizeWarningLimit: 4096,
    target: 'es2023',
    rollupOptions: { input: { tldraw: resolve(root, 'tldraw.html'), excalidraw: resolve(root, 'excalidraw.html') } },
  },
});
