import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { ClientFiles } from './clientFiles.ts';
import { CompressedFiles } from './compressedFiles.ts';
import { warmFirstPage } from './warmFirstPage.ts';

const big = (name: string) => Array.from({ length: 500 }, (_, i) => `export const ${name}${i} = ${i};`).join('\n');

describe('warmFirstPage', () => {
  let root = '';
  afterEach(() => removeDir(root));

  it('compresses index.html and the files it names, brotli, before anyone asks; not the others', async () => {
    root = makeTempDir();
    fs.mkdirSync(path.join(root, 'assets'));
    const html = `<!doctype html><script type="module" src="/assets/boot-1a.js"></script><link rel="modulepreload" href="/assets/app-2b.js"><link rel="stylesheet" href="/assets/app-3c.css"><title>${'x'.repeat(1200)}</title>`;
    fs.writeFileSync(path.join(root, 'index.html'), html);
    fs.writeFileSync(path.join(root, 'assets', 'boot-1a.js'), big('boot'));
    fs.writeFileSync(path.join(root, 'assets', 'app-2b.js'), big('app'));
    fs.writeFileSync(path.join(root, 'assets', 'app-3c.css'), `body{}\n${'.a{color:red}\n'.repeat(200)}`);
    fs.writeFileSync(path.join(root, 'assets', 'lazy-4d.js'), big('lazy'));
    const files = new ClientFiles();
    const compressed = new CompressedFiles();

    await warmFirstPage(root, files, compressed);

    const reads: string[] = [];
    const bodyOf = async (name: string, encoding: 'br' | 'gzip' = 'br') => {
      const file = path.join(root, name);
      const found = (await files.get(file, name !== 'index.html'))!;
      return compressed.get(file, found.version, encoding, async () => {
        reads.push(`${name} ${encoding}`);
        return found.bytes!;
      });
    };
    for (const name of ['index.html', 'assets/boot-1a.js', 'assets/app-2b.js', 'assets/app-3c.css']) await bodyOf(name);
    expect(reads).toEqual([]);
    await bodyOf('assets/lazy-4d.js');
    await bodyOf('assets/app-2b.js', 'gzip');
    expect(reads).toEqual(['assets/lazy-4d.js br', 'assets/app-2b.js gzip']);
  });

  it('does nothing when the client is not built', async () => {
    root = makeTempDir();
    await expect(warmFirstPage(root, new ClientFiles(), new CompressedFiles())).resolves.toBeUndefined();
  });
});
