import { describe, expect, it } from 'vitest';
import { CompressedFiles, isCompressible, pickEncoding } from './compressedFiles.ts';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('BR ; Q=0.8')).toBe('br');
    expect(pickEncoding('*')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('gzip;q=0')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('')).toBeNull();
  });
});

describe('isCompressible', () => {
  it('compresses text formats of 1 KB and more only', () => {
    expect(isCompressible('.js', 4096)).toBe(true);
    expect(isCompressible('.html', 1024)).toBe(true);
    expect(isCompressible('.js', 1023)).toBe(false);
    expect(isCompressible('.png', 1 << 20)).toBe(false);
    expect(isCompressible('.woff2', 1 << 20)).toBe(false);
  });
});

describe('CompressedFiles', () => {
  it('compresses a file version once per encoding, and again after a failed read', async () => {
    const files = new CompressedFiles();
    let reads = 0;
    const read = async () => {
      reads++;
      return Buffer.from('x'.repeat(10_000));
    };
    const a = await files.get('/a.js', 'v1', 'br', read);
    const b = await files.get('/a.js', 'v1', 'br', read);
    expect(b).toBe(a);
    expect(a.length).toBeLessThan(200);
    await files.get('/a.js', 'v1', 'gzip', read);
    await files.get('/a.js', 'v2', 'br', read);
    expect(reads).toBe(3);

    const failing = async () => {
      throw new Error('gone');
    };
    await expect(files.get('/b.js', 'v1', 'br', failing)).rejects.toThrow('gone');
    expect((await files.get('/b.js', 'v1', 'br', read)).length).toBeGreaterThan(0);
  });
});
