/**
 * The peers' pages (bench/peers/: tldraw and Excalidraw, one vite page each), kept out of the
 * app's install: installed from their own lock file the first time a benchmark needs them, built
 * on each run, and served with the board they draw.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { PeerBoard } from '../peers/src/peerBoard.ts';

const PEERS = join(import.meta.dirname, '../peers');
const DIST = join(PEERS, 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function buildPeerPages(): void {
  if (!existsSync(join(PEERS, 'node_modules'))) {
    console.log('Installing the peers (bench/peers, once) …');
    execFileSync('npm', ['ci', '--prefix', PEERS, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  execFileSync('npm', ['run', '--prefix', PEERS, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Serves the built pages and `board` as /board.json on 127.0.0.1; resolves to the base URL and a stop. */
export async function servePeerPages(board: PeerBoard): Promise<{ url: string; stop: () => Promise<void> }> {
  const json = JSON.stringify(board);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/board.json') {
      res.writeHead(200, { 'content-type': TYPES['.json']! }).end(json);
      return;
    }
    const file = join(DIST, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(DIST) || !existsSync(file) || extname(file) === '') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((ok) => server.close(() => ok())),
  };
}
