import { seriousViolations } from './axe.ts';
import { annOnNewBoard, expect, test } from './fixtures.ts';
import { drawTwoPaths } from './pathsSetup.ts';

test('path highlight from a start note: P shows its paths (others dimmed, the drop-out marked), one is chosen, marked as the happy path, and the curve follows it', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'Paths', 'ecommerce');
  const [start] = await drawTwoPaths(a);
  const shapes = (name: string) => a.page.evaluate((n) => window.__journeyboard!.canvasShapeCount(n), name);

  // Keyboard: select the start note, press P.
  const r = await a.noteRect(start);
  await a.page.mouse.click(r.x + 20, r.y + 20);
  await a.page.keyboard.press('p');
  const panel = a.page.getByTestId('paths-panel');
  await expect(panel).toBeVisible();
  const items = panel.getByTestId('path-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('2 steps, ends');
  await expect(items.nth(1)).toContainText('1 step, customers drop out');
  await expect.poll(() => shapes('path-drop-out')).toBe(1);
  expect(await seriousViolations(a.page, '[data-testid="paths-panel"]')).toEqual([]);

  // Choosing the first path: only its drop-out-free route stays marked.
  const first = items.nth(0).getByRole('button');
  await first.focus();
  await a.page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shapes('path-drop-out')).toBe(0);

  await panel.getByRole('button', { name: 'Mark as the happy path' }).click();
  await expect(items.nth(0)).toContainText('Happy path');
  await panel.getByLabel('Emotion curve follows this path').check();
  await expect(panel.getByTestId('path-curve-note')).toContainText('No note on this path has a sentiment');
  await expect(a.page.getByText('Emotion curve along the chosen path')).toBeVisible();

  // Undo takes the marking back.
  await a.page.getByTestId('board-canvas').click({ position: { x: 5, y: 5 } });
  await a.page.keyboard.press('Control+z');
  await expect(items.nth(0)).not.toContainText('Happy path');
});
