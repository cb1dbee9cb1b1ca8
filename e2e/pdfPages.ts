import { inflateSync } from 'node:zlib';

/** An image a PDF page draws, decoded to RGB: enough to tell a chart from a blank box. */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
  /** Distinct colours among the pixels. */
  readonly colours: number;
  /** Share of pixels that are not white (0–1). */
  readonly inked: number;
}

export interface PdfPage {
  /** The page's content stream (jsPDF writes it uncompressed): its text is in `(…) Tj`. */
  readonly content: string;
  readonly images: readonly PdfImage[];
}

/**
 * The pages of a PDF as jsPDF writes it, in order, each with its content stream and the images it
 * draws (`/Name Do`), decoded. Reads only what jsPDF writes (FlateDecode RGB images with a PNG
 * predictor, one resource dictionary): a parser for this project's exports, not for any PDF.
 */
export function pdfPages(bytes: Buffer): PdfPage[] {
  const pdf = bytes.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  for (const m of pdf.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = m.index + m[0].length;
    const end = pdf.indexOf('endobj', start);
    const body = pdf.slice(start, end);
    const s = body.indexOf('stream\n');
    if (s < 0) {
      objects.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const from = start + s + 'stream\n'.length;
    objects.set(m[1]!, { dict, stream: bytes.subarray(from, from + length) });
  }
  const kids = /\/Type \/Pages\s*\/Kids \[([^\]]*)\]/.exec(pdf)![1]!.match(/\d+(?= 0 R)/g)!;
  return kids.map((id) => {
    const page = objects.get(id)!.dict;
    const content = objects.get(/\/Contents (\d+) 0 R/.exec(page)![1]!)!.stream!.toString('latin1');
    const resources = objects.get(/\/Resources (\d+) 0 R/.exec(page)![1]!)!.dict;
    const xobjects = new Map(
      Array.from((/\/XObject <<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\S+) (\d+) 0 R/g), (x) => [
        x[1]!,
        x[2]!,
      ]),
    );
    const images = Array.from(content.matchAll(/\/(\S+) Do/g), (d) => decodeImage(objects.get(xobjects.get(d[1]!)!)!));
    return { content, images };
  });
}

function decodeImage({ dict, stream }: { dict: string; stream: Buffer | null }): PdfImage {
  const num = (key: string) => Number(new RegExp(`/${key} (\\d+)`).exec(dict)![1]);
  const [width, height] = [num('Width'), num('Height')];
  if (!dict.includes('/DeviceRGB') || !dict.includes('/FlateDecode')) throw new Error(`unexpected image: ${dict}`);
  const raw = inflateSync(stream!);
  const row = width * 3;
  const out = Buffer.alloc(row * height);
  const predicted = /\/Predictor 1\d/.test(dict);
  for (let y = 0; y < height; y++) {
    const src = predicted ? raw.subarray(y * (row + 1) + 1, (y + 1) * (row + 1)) : raw.subarray(y * row, (y + 1) * row);
    const type = predicted ? raw[y * (row + 1)]! : 0;
    for (let x = 0; x < row; x++) {
      const a = x >= 3 ? out[y * row + x - 3]! : 0;
      const b = y > 0 ? out[(y - 1) * row + x]! : 0;
      const c = x >= 3 && y > 0 ? out[(y - 1) * row + x - 3]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const add = [0, a, b, (a + b) >> 1, paeth][type]!;
      out[y * row + x] = (src[x]! + add) & 0xff;
    }
  }
  const colours = new Set<number>();
  let inked = 0;
  for (let i = 0; i < out.length; i += 3) {
    const rgb = (out[i]! << 16) | (out[i + 1]! << 8) | out[i + 2]!;
    colours.add(rgb);
    if (rgb !== 0xffffff) inked++;
  }
  return { width, height, colours: colours.size, inked: inked / (width * height) };
}
