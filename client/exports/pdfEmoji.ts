import type { jsPDF } from 'jspdf';
import type { CellHookData } from 'jspdf-autotable';
import { woffToSfnt } from './woff.ts';

/**
 * Emoji in the PDF's priority table (issue 22). jsPDF draws one font per text call and has no
 * fallback, so a cell's emoji are taken out of its text and drawn with Noto Emoji (monochrome:
 * jsPDF draws no colour glyphs) where they were: the table lays the text out with SLOT in each
 * emoji's place (two currency signs, about an emoji wide, never split), and a cell with emoji is
 * drawn by these hooks instead of the table's own text call. A grapheme of several emoji (a ZWJ
 * family, a flag) shows its first one: jsPDF does no shaping.
 */
export const EMOJI_FONT = 'NotoEmoji';
export const SLOT = '\u00a4\u00a4';
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** A table cell's text with its emoji out: what the table lays out, and the emoji in order. */
export interface EmojiText {
  readonly text: string;
  readonly emoji: readonly string[];
}

/** Splits `text` into table text (each emoji a SLOT; the rest through `plain`) and the emoji. */
export function splitEmoji(text: string, plain: (s: string) => string): EmojiText {
  let out = '';
  const emoji: string[] = [];
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const first = [...segment].find((c) => c.codePointAt(0)! > 0xff && PICTOGRAPHIC.test(c));
    if (first) {
      emoji.push(first);
      out += SLOT;
    } else out += plain(segment);
  }
  return { text: out, emoji };
}

/** Embeds the emoji font (WOFF bytes) in `doc` as EMOJI_FONT. */
export async function addEmojiFont(doc: jsPDF, woff: Uint8Array): Promise<void> {
  const ttf = await woffToSfnt(woff);
  let binary = '';
  for (let i = 0; i < ttf.length; i += 0x8000) binary += String.fromCharCode(...ttf.subarray(i, i + 0x8000));
  doc.addFileToVFS('NotoEmoji-Regular.ttf', binary);
  doc.addFont('NotoEmoji-Regular.ttf', EMOJI_FONT, 'normal');
}

/** autoTable hooks that draw the cells whose raw value is an EmojiText with emoji (left, top aligned). */
export function emojiCellHooks(doc: jsPDF): {
  willDrawCell: (data: CellHookData) => void;
  didDrawCell: (data: CellHookData) => void;
} {
  const lines = new WeakMap<object, string[]>();
  const emojiOf = (data: CellHookData) => (data.cell.raw as { emoji?: readonly string[] } | null)?.emoji ?? [];
  return {
    willDrawCell: (data) => {
      if (data.section !== 'body' || emojiOf(data).length === 0) return;
      lines.set(data.cell, data.cell.text);
      data.cell.text = [''];
    },
    didDrawCell: (data) => {
      const text = lines.get(data.cell);
      if (!text) return;
      const queue = [...emojiOf(data)];
      const size = doc.getFontSize();
      const font = doc.getFont();
      const fs = size / doc.internal.scaleFactor;
      const pos = data.cell.getTextPos();
      // As jspdf-autotable's own autoTableText places a top-aligned line.
      let y = pos.y + fs * (2 - 1.15);
      for (const line of text) {
        let x = pos.x;
        const parts = line.split(SLOT);
        parts.forEach((part, i) => {
          if (part) doc.text(part, x, y);
          x += doc.getTextWidth(part);
          if (i === parts.length - 1) return;
          const slot = doc.getTextWidth(SLOT);
          const e = queue.shift();
          if (e === undefined)
            doc.text(SLOT, x, y); // typed ¤¤ (no emoji left): as written
          else {
            doc.setFont(EMOJI_FONT, 'normal');
            doc.setFontSize(Math.min(size, (size * slot) / doc.getTextWidth(e)));
            doc.text(e, x, y);
            doc.setFontSize(size);
            doc.setFont(font.fontName, font.fontStyle);
          }
          x += slot;
        });
        y += fs * doc.getLineHeightFactor();
      }
    },
  };
}
