import type { Page } from '@playwright/test';
import { CommentsObject } from './CommentsObject.ts';
import { expect, test } from './fixtures.ts';
import { facilitatorAt, VIEWPORTS } from './facilitatorPage.ts';
import { VotingObject } from './VotingObject.ts';

interface Box {
  readonly what: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * What Konva draws, in stage pixels: every comment badge, vote badge, and every note's kind label
 * (the glyphs as drawn, after any "…") and department mark.
 */
function drawnMarks(page: Page): Promise<{ scale: number; boxes: Box[] }> {
  return page.evaluate(() => {
    window.__journeyboard!.probeNotes();
    const stage = window.Konva!.stages[0]!;
    const boxes: Box[] = [];
    const box = (what: string, r: { x: number; y: number; width: number; height: number }) =>
      boxes.push({ what, x: r.x, y: r.y, width: r.width, height: r.height });
    stage
      .find((n: { name(): string }) => /^(comment|vote)-badge-note:/.test(n.name()))
      .forEach((n) => box(n.name(), n.getClientRect({ skipShadow: true, skipStroke: true })));
    for (const note of stage.find('.note')) {
      const texts = (note as unknown as { find(s: string): unknown[] }).find('Text') as {
        text(): string;
        fontSize(): number;
        letterSpacing(): number;
        getAbsoluteTransform(): { point(p: { x: number; y: number }): { x: number; y: number } };
        getAbsoluteScale(): { x: number };
        measureSize(t: string): { width: number };
        textArr: { text: string }[];
      }[];
      const label = texts.find((t) => /[A-Z]{4,}/.test(t.text()) && t.fontSize() < 10);
      if (label) {
        const line = label.textArr[0]?.text ?? '';
        const width = label.measureSize(line).width + label.letterSpacing() * [...line].length;
        const k = label.getAbsoluteScale().x;
        const p = label.getAbsoluteTransform().point({ x: 0, y: 0 });
        box(`label ${note.id()} “${line}”`, { x: p.x, y: p.y, width: width * k, height: label.fontSize() * 1.2 * k });
      }
      const mark = texts.find((t) => /^(M|S|Su|P|O)$/.test(t.text()));
      if (mark) {
        const r = (mark as unknown as { getClientRect(): Box }).getClientRect();
        box(`mark ${note.id()}`, r);
      }
    }
    return { scale: stage.scaleX(), boxes };
  });
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

test('a note with comments and a revealed total: the two badges, its kind label and its neighbours never overlap, at any zoom', async ({
  browser,
  server,
}) => {
  test.setTimeout(150_000); // comments, a round and four zooms
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const board = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await board.open(boardId);
  const page = board.page;
  // Three opportunities in one cell: two side by side, one below (12 units apart).
  const first = (await board.board()).notes.find((n) => n.kind === 'idea')!;
  const stageName = (await board.board()).stages.find((s) => s.id === first.stageId)!.name;
  const addIdea = async (text: string) => {
    // A click in the stage's empty Thoughts cell, then the toolbar: an opportunity goes to its own lane.
    const cell = await board.cellRect((await board.stage(stageName)).id, (await board.lane('Thoughts')).id);
    const before = new Set((await board.board()).notes.map((n) => n.id));
    await page.mouse.click(cell.x + cell.width / 2, cell.y + cell.height / 2);
    await page
      .getByRole('toolbar', { name: 'Board tools' })
      .getByRole('button', { name: 'Opportunity', exact: true })
      .click();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.pressSequentially(text);
    await editor.press('Enter');
    await expect(editor).toBeHidden();
    await page.keyboard.press('Escape'); // nothing selected
    return (await board.board()).notes.find((n) => !before.has(n.id))!.id;
  };
  const right = await addIdea('Free returns label in the box');
  const below = await addIdea('Size chart per brand');
  const comments = new CommentsObject(board);
  for (const id of [first.id, right, below]) {
    await comments.openOnNote(id);
    await expect(comments.popover).toContainText((await board.board()).notes.find((n) => n.id === id)!.text);
    await comments.startThread('Who owns this?');
    await comments.popover.getByRole('button', { name: 'Close comments' }).click();
    await expect(comments.popover).toBeHidden();
  }
  for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeHidden();
  const voting = new VotingObject(board);
  await voting.start({ title: 'Fix first?', dots: 3 });
  // Two with a total and a comment side by side; the one below has a comment only (the voting bar covers it).
  for (const id of [first.id, right]) await voting.clickNote(id);
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect.poll(() => voting.badgeText(first.id)).toBe('1');
  await voting.results.getByRole('button', { name: 'Close' }).click();

  const zoomLabel = page.locator('.zoom-label');
  const zooms: [string, () => Promise<void>][] = [
    ['fit', async () => page.getByRole('button', { name: 'Fit', exact: true }).click()],
    ['100', async () => zoomLabel.click()],
    ['zoomed-in', async () => page.getByRole('button', { name: 'Zoom in' }).click()],
    [
      'zoomed-out',
      async () => {
        await page.getByRole('button', { name: 'Fit', exact: true }).click();
        await page.getByRole('button', { name: 'Zoom out' }).click(); // ~43%: still above the plain cards
      },
    ],
  ];
  for (const [name, zoom] of zooms) {
    await zoom();
    await expect
      .poll(async () => (await drawnMarks(page)).boxes.filter((b) => b.what.startsWith('vote-badge')).length)
      .toBe(2);
    const r = await board.noteRect(first.id);
    await page.screenshot({
      path: test.info().outputPath(`badges-${name}.png`),
      clip: { x: r.x - 20, y: r.y - 30, width: r.width * 2 + 60, height: r.height * 2 + 60 },
    });
    const { scale, boxes } = await drawnMarks(page);
    expect(boxes.filter((b) => b.what.startsWith('comment-badge'))).toHaveLength(3);
    const clashes: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if ((a.what.includes('badge') || b.what.includes('badge')) && overlaps(a, b))
          clashes.push(`${a.what} × ${b.what}`);
    expect(clashes, `at ${Math.round(scale * 100)}%`).toEqual([]);
  }
});
