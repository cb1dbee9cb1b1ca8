import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../testing/testServer.ts';
import { ClientFiles, matchesEtag } from './clientFiles.ts';

describe('ClientFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('reads a hashed asset once: a later change on disk is not looked at (Vite never rewrites one)', async () => {
    const file = path.join(dir, 'main-3f9a2c.js');
    fs.writeFileSync(file, 'first');
    const files = new ClientFiles();
    const first = await files.get(file, true);
    expect(first?.bytes?.toString()).toBe('first');
    fs.writeFileSync(file, 'second, longer');
    expect(await files.get(file, true)).toBe(first);
  });

  it('checks any other file on each request, with a new ETag for a new version', async () => {
    const file = path.join(dir, 'index.html');
    fs.writeFileSync(file, '<!doctype html>');
    const files = new ClientFiles();
    const first = await files.get(file, false);
    expect(await files.get(file, false)).toBe(first);
    fs.writeFileSync(file, '<!doctype html><!-- deployed again -->');
    const second = await files.get(file, false);
    expect(second?.bytes?.toString()).toBe('<!doctype html><!-- deployed again -->');
    expect(second?.etag).not.toBe(first?.etag);
  });

  it('does not remember a missing file, which may be built later', async () => {
    const file = path.join(dir, 'late-0a1b2c.js');
    const files = new ClientFiles();
    expect(await files.get(file, true)).toBeNull();
    fs.writeFileSync(file, 'built');
    expect((await files.get(file, true))?.bytes?.toString()).toBe('built');
    expect(await files.get(dir, true)).toBeNull(); // a folder is not a file
  });
});

describe('matchesEtag', () => {
  it('compares weakly, in a list, and takes *', () => {
    expect(matchesEtag('W/"a-1"', 'W/"a-1"')).toBe(true);
    expect(matchesEtag('"a-1"', 'W/"a-1"')).toBe(true);
    expect(matchesEtag('W/"b-2", W/"a-1"', 'W/"a-1"')).toBe(true);
    expect(matchesEtag('*', 'W/"a-1"')).toBe(true);
    expect(matchesEtag('W/"a-2"', 'W/"a-1"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"a-1"')).toBe(false);
  });
});
