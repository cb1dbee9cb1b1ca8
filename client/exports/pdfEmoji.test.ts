import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { PriorityItem, PriorityList } from '../../shared/index.ts';
import { SLOT, splitEmoji } from './pdfEmoji.ts';
import { boardPdf } from './pdfExport.ts';
import { pdfText } from './pdfText.ts';

const require = createRequire(import.meta.url);
const woff = () =>
  Promise.resolve(
    new Uint8Array(readFileSync(require.resolve('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff'))),
  );
/** A 1×1 PNG: the board page is not what these tests look at. */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function list(texts: string[]): PriorityList {
  const items = texts.map(
    (text, i) =>
      ({
        rank: i + 1,
        noteId: `note:${i}`,
        votes: 3 - i,
        text,
        stageId: 's',
        stage: 'Purchase',
        laneId: 'l',
        lane: 'Pain points',
        kind: 'pain',
        department: 'sales',
        author: 'Ann',
        comments: null,
        owner: '',
        status: null,
        due: null,
        link: null,
        removed: false,
      }) as unknown as PriorityItem,
  );
  return {
    board: { id: 'b', title: 'Checkout', url: 'http://x' },
    round: { choice: 'latest', rounds: [] },
    availableRounds: [],
    commentsIncluded: false,
    filters: { stageIds: [], kinds: [], departments: [] },
    items,
    totalItems: items.length,
  } as unknown as PriorityList;
}

async function pdf(texts: string[], emojiFont = woff): Promise<string> {
  const blob = await boardPdf({
    title: 'Checkout',
    image: { dataUrl: PIXEL, width: 1, height: 1, pixelRatio: 1 },
    list: list(texts),
    paper: 'a4',
    generatedAt: new Date(0),
    emojiFont,
    kpiCharts: [],
    drawChart: () => Promise.reject(new Error('no KPI has measurements here')),
  });
  return Buffer.from(await blob.arrayBuffer()).toString('latin1');
}

describe('emoji in the PDF’s priority table (issue 22)', () => {
  it('are taken out of the text, one slot each, graphemes kept whole; Latin-1 signs stay text', () => {
    expect(splitEmoji('Slow 🙈 checkout 👩‍💻!', pdfText)).toEqual({
      text: `Slow ${SLOT} checkout ${SLOT}!`,
      emoji: ['🙈', '👩'],
    });
    expect(splitEmoji('© Acme® 5 €', pdfText)).toEqual({ text: '© Acme® 5 €', emoji: [] });
    expect(splitEmoji('客服 ❤️', pdfText)).toEqual({ text: `?? ${SLOT}`, emoji: ['❤'] });
  });

  it('a table with emoji embeds the emoji font and draws them with it; without emoji no font is added', async () => {
    const withEmoji = await pdf(['Sizes run small 🙈', 'Returns take weeks']);
    expect(withEmoji).toContain('/FontFile2');
    expect(withEmoji).toMatch(/\/BaseFont \/\w*NotoEmoji/);
    expect(withEmoji).not.toContain('(Sizes run small ?)');
    const plain = await pdf(['Returns take weeks']);
    expect(plain).not.toContain('NotoEmoji');
    expect(plain.length).toBeLessThan(withEmoji.length);
  });

  it('when the font cannot be fetched the PDF is still made, with "?" as before', async () => {
    const out = await pdf(['Sizes run small 🙈'], () => Promise.reject(new Error('offline')));
    expect(out.startsWith('%PDF-')).toBe(true);
    expect(out).toContain('(Sizes run small ?)');
    expect(out).not.toContain('NotoEmoji');
  });
});
