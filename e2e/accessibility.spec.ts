import { expect, test, annOnNewBoard } from './fixtures.ts';
import { seriousViolations } from './axe.ts';

test('the accessible outline has no serious or critical axe violations', async ({ browser, server }) => {
  const { a } = await annOnNewBoard(browser, server, 'Audit', 'ecommerce');
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
  expect(await seriousViolations(a.page, '[data-testid="outline"]')).toEqual([]);
});

test('the home page has no serious or critical axe violations', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByText('E-commerce purchase')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
