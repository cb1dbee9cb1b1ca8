/**
 * WOFF 1.0 to the TrueType/OpenType file inside it (W3C WOFF File Format 1.0, sections 4–5):
 * jsPDF embeds TrueType only, and the export emoji font ships as WOFF. Each table is stored
 * zlib-compressed unless that would not be smaller; the SFNT gets the same tables, 4-byte aligned.
 */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file'); // 'wOFF'
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const entries = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
  });
  const tables = await Promise.all(
    entries.map(async (e) => {
      const stored = woff.subarray(e.offset, e.offset + e.compLength);
      const data = e.compLength < e.origLength ? await inflate(stored) : stored;
      if (data.length !== e.origLength) throw new Error('a WOFF table has the wrong length');
      return data;
    }),
  );
  const pad = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const out = new Uint8Array(headerSize + tables.reduce((sum, t) => sum + pad(t.length), 0));
  const o = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, 16 * 2 ** entrySelector);
  o.setUint16(8, entrySelector);
  o.setUint16(10, numTables * 16 - 16 * 2 ** entrySelector);
  let offset = headerSize;
  entries.forEach((e, i) => {
    const at = 12 + i * 16;
    o.setUint32(at, e.tag);
    o.setUint32(at + 4, e.checksum);
    o.setUint32(at + 8, offset);
    o.setUint32(at + 12, e.origLength);
    out.set(tables[i]!, offset);
    offset += pad(e.origLength);
  });
  return out;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
