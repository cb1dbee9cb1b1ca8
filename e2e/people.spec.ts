import AxeBuilder from '@axe-core/playwright';
import { BoardPageObject } from './BoardPageObject.ts';
import { expect, personPage, test } from './fixtures.ts';

/**
 * Who takes part, as the facilitator sees and decides it: one row per person (their tabs and
 * devices together, proven by the server), and removing someone.
 */
test('one person in two tabs is one participant; the facilitator removes a person, who is shown why and cannot rejoin', async ({ browser, server }) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const fay = new BoardPageObject(await personPage(browser, server, { name: 'Fay Flint', department: 'marketing' }));
  const annPage = await personPage(browser, server, { name: 'Ann Archer', department: 'sales' });
  const ann = new BoardPageObject(annPage);
  const bob = new BoardPageObject(await personPage(browser, server, { name: 'Bob Baker', department: 'support' }));
  await fay.open(boardId);
  await ann.open(boardId, 'editor');
  const annTab2 = new BoardPageObject(await annPage.context().newPage());
  await annTab2.open(boardId, 'editor');
  await bob.open(boardId, 'editor');

  await fay.page.getByTestId('participants-button').click();
  const panel = fay.page.getByTestId('participant-panel');
  await expect(panel.getByTestId('participant')).toHaveCount(3);
  await expect(panel.locator('[data-name="Ann Archer"]').getByTestId('participant-devices')).toHaveText('2 tabs or devices');
  // Nobody is offered to follow or remove themself.
  await expect(panel.locator('[data-name="Fay Flint"]').getByTestId('participant-follow')).toHaveCount(0);
  await expect(panel.locator('[data-name="Fay Flint"]').getByTestId('participant-remove')).toHaveCount(0);
  // Only the facilitator sees Remove.
  await bob.page.getByTestId('participants-button').click();
  await expect(bob.page.getByTestId('participant-panel').getByTestId('participant')).toHaveCount(3);
  await expect(bob.page.getByTestId('participant-remove')).toHaveCount(0);

  await panel.locator('[data-name="Ann Archer"]').getByTestId('participant-remove').click();
  const confirm = panel.getByTestId('participant-remove-confirm');
  await expect(confirm).toContainText('Remove Ann Archer?');
  await fay.page.screenshot({ path: test.info().outputPath('remove-confirm.png') });
  // The new controls (the panel's avatars and department colours are audited with issue 22's colour work).
  const axe = await new AxeBuilder({ page: fay.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).include('[data-testid="participant-remove-confirm"]').include('[data-testid="participant-remove"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();

  // Both of Ann's tabs are told, and stop; the others hear who was removed.
  for (const tab of [ann, annTab2]) await expect(tab.page.getByRole('alert').filter({ hasText: 'The facilitator removed you from this board.' })).toBeVisible();
  await expect(bob.page.getByText('Fay Flint removed Ann Archer from the board.')).toBeVisible();
  await expect(panel.getByTestId('participant')).toHaveCount(2);
  await ann.page.screenshot({ path: test.info().outputPath('removed.png') });

  // A reload does not get her back in.
  await ann.page.reload();
  await expect(ann.page.getByTestId('board-unavailable').or(ann.page.getByRole('alert'))).toContainText('removed you');
});
