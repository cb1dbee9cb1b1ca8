import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { TouchBoardObject } from './TouchBoardObject.ts';

/**
 * Layout on the two screens where controls overflowed before commit 5df00c5: a tablet 820 px wide
 * (the persona card's Focus · N button was squeezed by the name beside it) and a phone 390 px wide
 * (the voting dialog's time limit ran out of the dialog). Boxes, not pixels: each control lies
 * inside its container and its own content is not clipped.
 */
const person = { name: 'Fay Doe', department: 'product' } as const;

/** `inner` lies inside `outer` (half a pixel of rounding allowed). */
async function expectInside(inner: Locator, outer: Locator, what: string): Promise<void> {
  const [a, b] = [(await inner.boundingBox())!, (await outer.boundingBox())!];
  expect(a.x, `${what}: left edge`).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width, `${what}: right edge`).toBeLessThanOrEqual(b.x + b.width + 0.5);
}

/** Nothing in the element is wider than the element itself (no horizontal overflow, no clipping). */
async function expectNoOverflow(element: Locator, what: string): Promise<void> {
  const { scroll, client } = await element.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
  expect(scroll, `${what}: content ${scroll} px wide in ${client} px`).toBeLessThanOrEqual(client);
}

test('on a tablet 820 px wide each persona card shows its whole Focus · N button, on one line', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Personas on a tablet', 'ecommerce');
  const fay = await TouchBoardObject.device(browser, server, person, 'iPad Mini', { width: 820, height: 1180 });
  expect(fay.page.viewportSize()!.width).toBe(820);
  await fay.openAs(boardId, 'facilitator');
  await (await fay.reach('toolbar', 'personas-toggle')).tap();
  const cards = fay.page.getByTestId('personas-panel').getByTestId('persona-card');
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    const focus = card.getByRole('button', { name: /^Focus · \d+$/ });
    await expect(focus).toBeVisible();
    await expectInside(focus, card, 'the Focus button in its card');
    await expectNoOverflow(focus, 'the Focus button');
    // Its text on one line: the lines its text's boxes start on.
    const lines = await focus.evaluate((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, 'the Focus button’s text on one line').toBe(1);
    await fay.expectOnScreen(focus);
    await expectInside(card.getByLabel('Name', { exact: true }), card, 'the name field');
  }
});

test('on a phone 390 px wide the voting dialog keeps the time limit inside it', async ({ browser, server }) => {
  const boardId = await server.createBoard('Voting on a phone', 'ecommerce');
  const fay = await TouchBoardObject.device(browser, server, person, 'iPhone 13');
  expect(fay.page.viewportSize()!.width).toBe(390);
  await fay.openAs(boardId, 'facilitator');
  await fay.page.getByTestId('start-voting').tap();
  const dialog = fay.page.getByTestId('start-voting-dialog');
  await expect(dialog).toBeVisible();
  await expectNoOverflow(dialog, 'the dialog');
  for (const [testId, what] of [
    ['vote-time', 'the time limit'],
    ['vote-dots', 'dots per person'],
    ['start-voting-submit', 'the Start button'],
  ] as const) {
    const control = dialog.getByTestId(testId);
    await control.scrollIntoViewIfNeeded();
    await expectInside(control, dialog, what);
    await fay.expectOnScreen(control);
  }
  await expectNoOverflow(dialog.locator('.voting-grid'), 'the settings grid');
});
