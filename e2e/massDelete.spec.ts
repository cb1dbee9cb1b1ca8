import { ANN_ARCHER, expect, FAY, test } from './fixtures.ts';

test('an editor removes every note; the facilitator sees "… removed N notes" and one click on Restore brings them back', async ({
  workshop,
}) => {
  const [, fay, ann] = await workshop('Checkout workshop', [FAY, [ANN_ARCHER, 'editor']]);
  await fay.page.setViewportSize({ width: 1440, height: 900 }); // for the shot of the notice
  const notes = (await ann.board()).notes.length;
  expect(notes).toBeGreaterThan(5);

  // Ann selects every note and deletes them: one change.
  const first = await ann.noteRect((await ann.board()).notes[0]!.id);
  await ann.page.mouse.click(first.x + first.width / 2, first.y + first.height / 2);
  await ann.page.keyboard.press('Control+a');
  await ann.page.keyboard.press('Delete');
  await expect.poll(async () => (await fay.board()).notes.length).toBe(0);

  const notice = fay.page.getByTestId('mass-delete-notice');
  await expect(notice).toContainText(`Ann Archer removed ${notes} notes`);
  // Only facilitators are offered the restore.
  await expect(ann.page.getByTestId('mass-delete-notice')).toHaveCount(0);
  await fay.screenshot(test.info().outputPath('mass-delete-notice.png'));

  await fay.page.getByTestId('mass-delete-restore').click();
  await expect.poll(async () => (await ann.board()).notes.length).toBe(notes);
  await expect(notice).toHaveCount(0);
  await expect(fay.page.getByText('Restored.')).toBeVisible();
});
