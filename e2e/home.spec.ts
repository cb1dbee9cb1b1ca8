import { expect, test } from './fixtures.ts';
import { BoardPageObject } from './BoardPageObject.ts';

test('a newcomer creates a board from a template, joins with a name and department, and finds it again', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Start a journey map' })).toBeVisible();
  await page.getByTestId('template-ecommerce').click();
  await page.getByTestId('new-board-title').fill('Spring checkout');
  await page.getByTestId('create-board').click();
  await expect(page).toHaveURL(/\/b\/[a-z0-9]+$/);

  await page.getByTestId('join-name').fill('Dana Fox');
  await page.getByRole('radio', { name: /Support/ }).check();
  await page.getByTestId('join-submit').click();
  const board = new BoardPageObject(page);
  await board.waitReady();
  const info = await board.board();
  expect(info.title).toBe('Spring checkout');
  expect(info.stages.map((s) => s.name)).toEqual([
    'Awareness',
    'Consideration',
    'Purchase',
    'Delivery',
    'Retention',
    'Advocacy',
  ]);
  expect(info.notes.length).toBeGreaterThan(10);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');

  await page.goto(server.url);
  await expect(page.getByTestId('recent-board')).toContainText('Spring checkout');
});

test('an unknown board says so instead of creating one', async ({ page, server }) => {
  await page.addInitScript(() =>
    localStorage.setItem('journeyboard.identity', JSON.stringify({ id: 'user-x', name: 'X', department: 'other' })),
  );
  await page.goto(`${server.url}/b/doesnotexist1`);
  await expect(page.getByTestId('board-unavailable')).toContainText('doesn’t exist');
  const res = await fetch(`${server.url}/api/boards/doesnotexist1`);
  expect(res.status).toBe(404);
});
