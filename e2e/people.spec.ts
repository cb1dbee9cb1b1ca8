import type { Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { ANN_ARCHER, BOB_BAKER, expect, FAY, personPage, test } from './fixtures.ts';
import { linkFor } from './server.ts';
import { seriousViolations } from './axe.ts';

/**
 * Who takes part, as the facilitator sees and decides it: one row per person (their tabs and
 * devices together, proven by the server), and removing someone.
 */
test('one person in two tabs is one participant; the facilitator removes a person, who is shown why and cannot rejoin', async ({
  workshop,
}) => {
  const [boardId, fay, ann, bob] = await workshop('Checkout workshop', [
    FAY,
    [ANN_ARCHER, 'editor'],
    [BOB_BAKER, 'editor'],
  ]);
  const annTab2 = new BoardPageObject(await ann.page.context().newPage());
  await annTab2.open(boardId, 'editor');

  await fay.page.getByTestId('participants-button').click();
  const panel = fay.page.getByTestId('participant-panel');
  await expect(panel.getByTestId('participant')).toHaveCount(3);
  await expect(panel.locator('[data-name="Ann Archer"]').getByTestId('participant-devices')).toHaveText(
    '2 tabs or devices',
  );
  // Who signed in and who joined by link, as the server says (nobody here signed in), and when they joined.
  await expect(panel.locator('[data-name="Bob Baker"]').getByTestId('participant-verified')).toHaveText('Guest');
  await expect(panel.locator('[data-name="Bob Baker"]').getByTestId('participant-joined')).toContainText('joined');
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
  // Only the removal controls: the avatars' department colours are not this test's subject.
  expect(
    await seriousViolations(
      fay.page,
      ['[data-testid="participant-remove-confirm"]', '[data-testid="participant-remove"]'],
      ['wcag2a', 'wcag2aa', 'wcag21aa'],
    ),
  ).toEqual([]);
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();

  // Both of Ann's tabs are told, and stop; the others hear who was removed.
  for (const tab of [ann, annTab2])
    await expect(
      tab.page.getByRole('alert').filter({ hasText: 'The facilitator removed you from this board.' }),
    ).toBeVisible();
  await expect(bob.page.getByText('Fay Flint removed Ann Archer from the board.')).toBeVisible();
  await expect(panel.getByTestId('participant')).toHaveCount(2);
  await ann.page.screenshot({ path: test.info().outputPath('removed.png') });

  // Her tabs no longer show the board, and this device forgot its copy of it.
  await expect(ann.page.getByTestId('board-unavailable')).toContainText('removed you');
  await expect.poll(() => localBoardDatabases(ann.page, boardId)).toEqual([]);

  // A reload does not get her back in, nor show the board from the device.
  await ann.page.reload();
  await expect(ann.page.getByTestId('board-unavailable')).toContainText('removed you');
  await expect(ann.page.getByTestId('board-canvas')).toHaveCount(0);
});

test('with admission on, a newcomer waits until the facilitator admits them; someone turned away keeps waiting', async ({
  browser,
  server,
  workshop,
}) => {
  const [boardId, fay, bob] = await workshop('Admission workshop', [FAY, [BOB_BAKER, 'editor']]);
  await fay.page.getByRole('button', { name: 'Facilitate' }).click();
  await fay.page.getByTestId('admission-toggle').check();
  await fay.page.keyboard.press('Escape');

  // Cleo arrives with the editor link: she waits, and sees nothing of the board.
  const cleoPage = await personPage(browser, server, { name: 'Cleo Cruz', department: 'sales' });
  await cleoPage.goto(linkFor(boardId, 'editor'));
  await expect(cleoPage.getByTestId('waiting-room')).toBeVisible();
  await expect(cleoPage.locator('.board-page')).toHaveCount(0);
  const lobby = fay.page.getByTestId('lobby-banner');
  await expect(lobby.locator('[data-name="Cleo Cruz"]')).toBeVisible();
  await fay.page.screenshot({ path: test.info().outputPath('lobby-banner.png') });
  await cleoPage.screenshot({ path: test.info().outputPath('waiting-room.png') });
  expect(await seriousViolations(fay.page, '[data-testid="lobby-banner"]', ['wcag2a', 'wcag2aa'])).toEqual([]);
  // Bob, here before, was never asked to wait.
  await bob.page.reload();
  await bob.waitReady();

  await lobby.getByRole('button', { name: 'Admit Cleo Cruz' }).click();
  await expect(cleoPage.locator('.board-page[data-ready="true"]')).toBeVisible({ timeout: 20_000 });
  await expect(lobby).toBeHidden();

  // Dan is turned away: he stays in the waiting room.
  const danPage = await personPage(browser, server, { name: 'Dan Dale', department: 'product' });
  await danPage.goto(linkFor(boardId, 'commenter'));
  await expect(danPage.getByTestId('waiting-room')).toBeVisible();
  await lobby.getByRole('button', { name: 'Turn Dan Dale away' }).click();
  await expect(lobby).toBeHidden();
  await expect(danPage.getByTestId('waiting-room')).toBeVisible();
});

/** The names of this device's IndexedDB databases that hold a copy of `boardId`. */
function localBoardDatabases(page: Page, boardId: string): Promise<string[]> {
  return page.evaluate(
    async (id) => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n === `journeyboard:${id}`),
    boardId,
  );
}
