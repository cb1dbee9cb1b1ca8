/**
 * Emoji in exports (issue 22): on a machine without an emoji font, the browser draws emoji as
 * empty boxes, and the board PNG and PDF (whose board page is that PNG) carried the boxes. Exports
 * load Noto Emoji (Google, SIL Open Font License 1.1; @fontsource/noto-emoji, its "emoji" subset:
 * every emoji, 555 KB as WOFF) as a web font before drawing, and THEME.font names it last, after
 * the colour emoji fonts a machine may have, so those still win where they exist. Monochrome by
 * design: one file that the canvas can draw with and jsPDF could embed (jsPDF draws no colour
 * glyphs). Loaded only when someone exports, never with the app.
 */
export const EMOJI_FAMILY = 'Journeyboard Emoji';

let loading: Promise<void> | null = null;

async function fontUrl(): Promise<string> {
  return (await import('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff?url')).default;
}

/** The font file itself (WOFF), for the PDF's table (client/exports/pdfEmoji.ts). */
export async function emojiFontBytes(): Promise<Uint8Array> {
  const response = await fetch(await fontUrl());
  if (!response.ok) throw new Error(`the emoji font did not load (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Loads and registers the export emoji font once; resolves when canvases can draw with it. */
export function loadEmojiFont(): Promise<void> {
  loading ??= (async () => {
    const url = await fontUrl();
    const face = new FontFace(EMOJI_FAMILY, `url(${url}) format('woff')`);
    document.fonts.add(await face.load());
  })().catch((error: unknown) => {
    loading = null; // try again at the next export
    throw error;
  });
  return loading;
}
