import type { Browser } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { expect, test } from './fixtures.ts';
import { facilitatorOnNewBoard, VIEWPORTS } from './facilitatorPage.ts';
import type { TestServer } from './server.ts';

/** A guest whose stored identity has this id (so the test knows what the id hash would pick). */
async function guest(browser: Browser, server: TestServer, id: string, name: string, department: string) {
  const context = await browser.newContext({ baseURL: server.url, viewport: VIEWPORTS[0] });
  await context.addInitScript((p) => localStorage.setItem('journeyboard.identity', JSON.stringify(p)), {
    id,
    name,
    department,
  });
  return new BoardPageObject(await context.newPage());
}

/** "rgb(r, g, b)" to [r, g, b]. */
const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];

test('two people whose names start with S get clearly different colours and their own initials; the mark stays out of their names', async ({
  browser,
  server,
}) => {
  const { boardId, board: fay } = await facilitatorOnNewBoard(browser, server);
  // These two ids give the same colour by the id hash (the old rule): "user-sam" and "user-sara-9" → slot 5.
  const sam = await guest(browser, server, 'user-sam', 'Sam Stone', 'sales');
  const sara = await guest(browser, server, 'user-sara-9', 'Sara Quinn', 'support');
  await sam.open(boardId, 'editor');
  await sara.open(boardId, 'editor');

  await fay.page.getByTestId('participants-button').click();
  const panel = fay.page.getByTestId('participant-panel');
  await expect(panel.getByTestId('participant')).toHaveCount(3);
  const avatar = (name: string) => panel.getByTestId('participant').filter({ hasText: name }).locator('.pp-avatar');
  await expect(avatar('Sam Stone')).toHaveText('SS');
  await expect(avatar('Sara Quinn')).toHaveText('SQ');
  const [a, b] = await Promise.all(
    ['Sam Stone', 'Sara Quinn'].map(async (n) =>
      rgb(await avatar(n).evaluate((e) => getComputedStyle(e).backgroundColor)),
    ),
  );
  // Far apart, not two shades of one red: at least 120 in RGB distance.
  expect(Math.hypot(a![0] - b![0], a![1] - b![1], a![2] - b![2])).toBeGreaterThan(120);
  // Every screen draws them alike: Sam's own bar shows the colour Fay's panel does.
  const samOwn = sam.page.locator('[data-testid="avatar"][data-name="Sam Stone (you)"]');
  expect(rgb(await samOwn.evaluate((e) => getComputedStyle(e).backgroundColor))).toEqual(a);
  // The department mark is drawn, not text: names read "Sam Stone", not "SSS".
  await expect(samOwn).toHaveAccessibleName('Sam Stone (you) · Sales');
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, so innerText (textContent has the hidden parts)
  expect(await samOwn.evaluate((e) => (e as HTMLElement).innerText.trim())).toBe('SS');
  const inBar = fay.page.locator('[data-testid="avatar"][data-name="Sara Quinn"]');
  await expect(inBar).toHaveAccessibleName('Follow Sara Quinn’s view');
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, so innerText (textContent has the hidden parts)
  expect(await inBar.evaluate((e) => (e as HTMLElement).innerText.trim())).toBe('SQ');
  await fay.page.screenshot({ path: test.info().outputPath('participants-two-s.png') });
});
