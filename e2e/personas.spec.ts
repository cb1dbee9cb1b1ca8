import { expect, test, annAndBobOnNewBoard } from './fixtures.ts';

test('personas: add one, tag a note from the note toolbar, focus it, and its emotion curve appears', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Personas', 'ecommerce');
  // The template brings two personas.
  await a.page.getByTestId('personas-toggle').click();
  const panel = a.page.getByTestId('personas-panel');
  await expect(panel.getByTestId('persona-card')).toHaveCount(2);

  await panel.getByTestId('new-persona').fill('Rita, gift buyer');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByTestId('persona-card')).toHaveCount(3);
  const goals = panel.getByLabel('Rita, gift buyer: Goals');
  await goals.fill('Buy a present that arrives on time');
  await goals.blur();
  await expect(b.page.getByTestId('people')).toBeVisible();

  // Tag an emotion note with the new persona from the selection toolbar.
  const board = await a.board();
  const emotion = board.notes.find((n) => n.kind === 'emotion' && n.stageId === board.stages[3]!.id)!;
  const r = await a.noteRect(emotion.id);
  await a.page.mouse.click(r.x + 20, r.y + 20);
  await a.page.getByTestId('selection-toolbar').getByRole('button', { name: /Rita/ }).click();

  // Focus the persona: its curve is the only line, with one point (the tagged note's stage).
  await panel
    .getByRole('button', { name: /Focus · 1/ })
    .last()
    .click();
  await expect
    .poll(
      async () =>
        (await a.page.evaluate(() => window.__journeyboard!.curve())).find(
          (s) => s.points.length === 1 && s.points[0]!.stageIndex === 3,
        ) !== undefined,
    )
    .toBe(true);

  // B sees the persona and the tag (live), e.g. in the outline.
  await b.page.getByTestId('outline-toggle').click();
  await expect(b.page.getByTestId('outline').getByText('Rita, gift buyer').first()).toBeVisible();
  await expect(b.page.getByTestId('outline').getByText(/about .*Rita, gift buyer/)).toBeVisible();
});
