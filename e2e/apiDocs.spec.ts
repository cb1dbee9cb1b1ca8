import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the API reference at /api/docs renders from this server under its Content-Security-Policy', async ({
  page,
  server,
}, testInfo) => {
  const blocked: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.goto(`${server.url}/api/docs`);
  await expect(page.getByRole('heading', { name: /Journeyboard API/ })).toBeVisible();
  // The operations come from /api/openapi.json, grouped by tag.
  await expect(page.getByRole('heading', { name: 'Boards' })).toBeVisible();
  await expect(page.locator('.opblock').first()).toBeVisible();
  expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
  await page.locator('.opblock-summary').first().click();
  await expect(page.locator('.opblock-body').first()).toBeVisible();
  // Desktop, tablet and phone widths: the page is read on all three.
  for (const [name, width, height] of [
    ['desktop', 1440, 900],
    ['tablet', 820, 1180],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`api-docs-${name}.png`) });
  }
  expect(blocked.filter((m) => /Content Security Policy|Refused to/.test(m))).toEqual([]);
  expect(foreign).toEqual([]);
  // Swagger UI's own markup fails two rules we cannot fix from outside (its operation summary is a
  // button inside a button; its badges' colours): known, reported in docs/api.md. Anything else fails.
  const upstream = /^(nested-interactive|color-contrast):/;
  expect((await seriousViolations(page)).filter((v) => !upstream.test(v))).toEqual([]);
});
