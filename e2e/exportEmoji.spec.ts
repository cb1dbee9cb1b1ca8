import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { facilitatorOnNewBoard } from './facilitatorPage.ts';

/**
 * Issue 22: emoji in a PNG or PDF export were empty boxes on a machine without an emoji font (this
 * test machine has none: `fc-list | grep -i emoji` is empty). A note of six emoji is compared with
 * a note of six private-use characters, which no font has and which are always drawn as boxes:
 * without an emoji font the two are the same boxes, pixel for pixel.
 */
test('emoji in the PNG and PDF exports are drawn as emoji, not as the boxes of a missing glyph', async ({
  browser,
  server,
}) => {
  const { board, page } = await facilitatorOnNewBoard(browser, server);
  const emoji = await board.addNote('Awareness', 'Pain points', '🙈🙈🙈🙈🙈🙈');
  const tofu = await board.addNote('Delivery', 'Pain points', '\uE000\uE000\uE000\uE000\uE000\uE000');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Priorities' }).click();
  const panel = page.getByRole('complementary', { name: 'Priority list' });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'PNG of view', exact: true }).click(),
  ]);
  const png = readFileSync((await file.path())!);
  writeFileSync(test.info().outputPath('view.png'), png); // to look at
  // The first text line of each note, in the PNG (the view at 2×): x + 12, y + 28 board units on.
  const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
  const line = async (id: string) => {
    const r = await board.noteRect(id);
    const s = r.width / 176;
    return {
      x: Math.round((r.x - canvas.x + 12 * s) * 2),
      y: Math.round((r.y - canvas.y + 28 * s) * 2),
      w: Math.round(120 * s * 2),
      h: Math.round(17 * s * 2),
    };
  };
  const [a, b] = [await line(emoji), await line(tofu)];
  const { inked, differing } = await page.evaluate(
    async ([b64, a, b]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const pa = ctx.getImageData(a.x, a.y, a.w, a.h).data;
      const pb = ctx.getImageData(b.x, b.y, a.w, a.h).data;
      let inked = 0;
      let differing = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const lum = (d: Uint8ClampedArray) => d[i]! * 0.3 + d[i + 1]! * 0.59 + d[i + 2]! * 0.11;
        if (lum(pa) < 120) inked++;
        if (Math.abs(lum(pa) - lum(pb)) > 60) differing++;
      }
      return { inked, differing };
    },
    [png.toString('base64'), a, b] as const,
  );
  expect(inked).toBeGreaterThan(200); // the emoji are drawn, dark on the note
  expect(differing).toBeGreaterThan(200); // and they are not the boxes

  // The PDF: its board page is the same drawing; its priority table embeds the emoji font for the note's row.
  const [pdfFile] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'PDF', exact: true }).click(),
  ]);
  const pdf = readFileSync((await pdfFile.path())!).toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  expect(pdf).toMatch(/\/BaseFont \/\w*NotoEmoji/);
});
