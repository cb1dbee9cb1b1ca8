import { seriousViolations } from './axe.ts';
import { annAndBobOnNewBoard, expect, test } from './fixtures.ts';

test('channels: put notes on a channel from the note toolbar, read the stages × channels view, filter by it; a colleague sees it live', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Channels', 'ecommerce');
  const board = await a.board();
  // Purchase: the checkout page and its shipping-cost pain point, both on Web in the template.
  const purchase = board.stages[2]!;
  const touchpoint = board.notes.find((n) => n.kind === 'touchpoint' && n.stageId === purchase.id)!;
  const pain = board.notes.find((n) => n.kind === 'pain' && n.stageId === purchase.id)!;
  expect([touchpoint.channel, pain.channel]).toEqual(['Web', 'Web']);

  for (const note of [touchpoint, pain]) {
    const r = await a.noteRect(note.id);
    await a.page.mouse.click(r.x + 20, r.y + 20);
    await a.page.getByTestId('selection-toolbar').getByLabel('Channel').selectOption({ label: 'Phone' });
  }
  await expect.poll(async () => (await b.board()).notes.find((n) => n.id === pain.id)!.channel).toBe('Phone');
  await a.page.keyboard.press('Escape');

  // Bob opens the channel view: the first stage's Phone cell counts them.
  await b.page.getByTestId('channels-toggle').click();
  const panel = b.page.getByTestId('channels-panel');
  const stage = purchase.name;
  await expect(panel.getByRole('cell', { name: `${stage}, Phone: 1 touchpoints, 1 pain points` })).toBeVisible();
  expect(await seriousViolations(b.page, '[data-testid="channels-panel"]')).toEqual([]);

  // Filtering dims the notes on other channels (and on none); pressed again, it stops.
  const view = b.page.viewportSize()!;
  const onScreen = async (id: string) => {
    const r = await b.page.evaluate((noteId) => window.__journeyboard!.noteRect(noteId), id);
    return r !== null && r.x >= 0 && r.y >= 0 && r.x + r.width <= view.width && r.y + r.height <= view.height;
  };
  const shown = (await b.board()).notes;
  const visible = await Promise.all(shown.map((n) => onScreen(n.id)));
  const others = [
    shown.find((n, i) => visible[i] && n.channel === 'Web')!,
    shown.find((n, i) => visible[i] && n.channel === null)!,
  ];
  expect(others.every(Boolean)).toBe(true);
  const opacities = () => Promise.all([touchpoint, pain, ...others].map((n) => b.noteOpacity(n.id)));
  await expect.poll(opacities).toEqual([1, 1, ...others.map(() => 1)]);
  const phone = panel.getByRole('button', { name: 'Phone' });
  await phone.click();
  await expect(phone).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await opacities()).map((o) => o < 0.5))
    .toEqual([false, false, ...others.map(() => true)]);
  await phone.click();
  await expect(phone).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(opacities).toEqual([1, 1, ...others.map(() => 1)]);

  // Ann renames the channel in her list; Bob's view and notes follow.
  await a.page.getByTestId('channels-toggle').click();
  const mine = a.page.getByTestId('channels-panel');
  await mine.getByText('Edit the channel list').click();
  const name = mine.getByLabel('Name of the channel Phone');
  await name.fill('Call centre');
  await name.press('Enter');
  await expect(panel.getByRole('cell', { name: `${stage}, Call centre: 1 touchpoints, 1 pain points` })).toBeVisible();
  await expect
    .poll(async () => (await b.board()).notes.find((n) => n.id === touchpoint.id)!.channel)
    .toBe('Call centre');
});
