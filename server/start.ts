import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What `npm start` runs: builds the client when the build is missing or older than its sources,
 * then starts the server (main.ts). Running vite with this same Node binary (rather than
 * whatever `node` is first on PATH) keeps the build on the project's Node 24.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = path.join(root, 'dist', 'client', 'index.html');
// Everything the client build reads: its sources, the model it imports, the build config.
const SOURCES = ['client', 'shared', 'vite.config.ts', 'index.html'].map((p) => path.join(root, p));

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIfStale(): void {
  if (!fs.existsSync(path.join(root, 'client'))) {
    console.warn('[start] no client/ folder: starting without building the client');
    return;
  }
  const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt >= sourcesAt) return;

  console.log(builtAt === 0 ? '[start] building the client…' : '[start] client sources changed: rebuilding…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    // Start anyway: the API and WebSocket work, and pages explain the missing build (503).
    console.error('[start] the client build failed; the server starts without a fresh client');
  }
}

buildIfStale();
await import('./main.ts');
