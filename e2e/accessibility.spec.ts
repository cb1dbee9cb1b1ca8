import AxeBuilder from '@axe-core/playwright';
import { expect, personPage, test } from './fixtures.ts';
import { BoardPageObject } from './BoardPageObject.ts';

const SERIOUS = new Set(['serious', 'critical']);

async function audit(page: import('@playwright/test').Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
}

test('the accessible outline has no serious or critical axe violations', async ({ browser, server }) => {
  const boardId = await server.createBoard('Audit', 'ecommerce');
  const a = new BoardPageObject(await personPage(browser, server, { name: 'Ann Lee', department: 'marketing' }));
  await a.open(boardId);
  await a.page.getByTestId('outline-toggle').click();
  await expect(a.page.getByTestId('outline').getByRole('heading', { level: 2, name: /Awareness/ })).toBeVisible();
  // Open an edit form and an add form too, so their controls are audited.
  await a.page
    .getByTestId('outline')
    .getByRole('button', { name: /^Edit “/ })
    .first()
    .click();
  await a.page
    .getByTestId('outline')
    .getByRole('button', { name: /^Add note to/ })
    .first()
    .click();
  // And a KPI's edit form and a new KPI's form.
  await a.page
    .getByTestId('outline')
    .getByRole('button', { name: /^Edit CSAT in / })
    .first()
    .click();
  await a.page
    .getByTestId('outline')
    .getByRole('button', { name: /^Add KPI to/ })
    .first()
    .click();
  expect(await audit(a.page, '[data-testid="outline"]')).toEqual([]);
});

test('the home page has no serious or critical axe violations', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByText('E-commerce purchase')).toBeVisible();
  expect(await audit(page)).toEqual([]);
});
