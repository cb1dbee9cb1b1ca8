import { expect, test, annAndBobOnNewBoard } from './fixtures.ts';

test('the accessible outline adds, edits and moves notes with the keyboard; the canvas in another browser shows them', async ({
  browser,
  server,
}) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Outline', 'ecommerce');
  const page = a.page;
  await page.getByTestId('outline-toggle').click();
  const outline = page.getByTestId('outline');
  await expect(outline.getByRole('heading', { level: 2, name: /Purchase/ })).toBeVisible();

  // Edit with the keyboard only.
  const editButton = outline.getByRole('button', { name: 'Edit “Checkout page”' });
  await editButton.focus();
  await page.keyboard.press('Enter');
  await expect(outline.getByLabel('Note text')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Checkout page with Apple Pay');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // Save
  const edited = (await b.board()).notes.find((n) => n.text.startsWith('Checkout page'))!;
  await expect.poll(async () => (await b.noteById(edited.id))?.text).toBe('Checkout page with Apple Pay');

  // Add a note to a lane with the keyboard.
  await outline.getByRole('button', { name: 'Add note to Pain points in Delivery' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Parcel left at the wrong door');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await b.board()).notes.some((n) => n.text === 'Parcel left at the wrong door'))
    .toBe(true);
  const delivery = await b.stage('Delivery');
  const added = (await b.board()).notes.find((n) => n.text === 'Parcel left at the wrong door')!;
  expect(added.stageId).toBe(delivery.id);
  expect(added.kind).toBe('pain');
  // B's canvas draws it.
  await b.noteRect(added.id);

  // Move it to another stage from the outline.
  await outline.getByRole('button', { name: 'Move “Parcel left at the wrong door”' }).click();
  const retention = await b.stage('Retention');
  const pains = await b.lane('Pain points');
  await outline.getByLabel('Move to').selectOption(`${retention.id}|${pains.id}`);
  await outline.getByRole('button', { name: 'Move', exact: true }).click();
  await expect.poll(async () => (await b.noteById(added.id))?.stageId).toBe(retention.id);

  // A change made on B's canvas appears in A's outline.
  const bNote = await b.addNote('Advocacy', 'Thoughts', 'Would tell a friend');
  expect(bNote).toBeTruthy();
  await expect(outline.getByText('Would tell a friend')).toBeVisible();
});
