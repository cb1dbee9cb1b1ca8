import { expect, test, boardPageAs, annAndBobOnNewBoard } from './fixtures.ts';

test('two people edit one board live; undo is per person; reload and server restart keep everything', async ({
  browser,
  server,
}) => {
  const { boardId, a, b } = await annAndBobOnNewBoard(browser, server, 'Checkout workshop');

  // A adds a note; B sees it.
  const noteId = await a.addNote('Awareness', 'Touchpoints', 'Instagram ad');
  await expect.poll(async () => (await b.noteById(noteId))?.text).toBe('Instagram ad');
  expect((await b.noteById(noteId))?.authorName).toBe('Ann Lee');

  // B edits its text and moves it to another stage; A sees both.
  await b.editNote(noteId, 'Instagram ad with discount code');
  const consideration = await a.stage('Consideration');
  await b.dragNote(noteId, 'Consideration', 'Touchpoints');
  await expect.poll(async () => (await a.noteById(noteId))?.text).toBe('Instagram ad with discount code');
  await expect.poll(async () => (await a.noteById(noteId))?.stageId).toBe(consideration.id);

  // A adds a second note, then undoes it: A's own add goes, B's edit and move stay.
  const second = await a.addNote('Decision', 'Pain points', 'Hidden fees');
  await expect.poll(async () => (await b.noteById(second))?.text).toBe('Hidden fees');
  await a.page.keyboard.press('Control+z');
  await expect.poll(async () => (await a.noteById(second)) === undefined).toBe(true);
  await expect.poll(async () => (await b.noteById(second)) === undefined).toBe(true);
  const kept = await a.noteById(noteId);
  expect(kept?.text).toBe('Instagram ad with discount code');
  expect(kept?.stageId).toBe(consideration.id);

  // A reload keeps everything.
  await a.page.reload();
  await a.waitReady();
  await expect.poll(async () => (await a.noteById(noteId))?.text).toBe('Instagram ad with discount code');

  // A server restart keeps everything, and both pages reconnect by themselves; an edit made
  // while the server was down is kept and sent on reconnect.
  await server.stop();
  await expect.poll(() => a.connection()).toBe('reconnecting');
  await expect(a.page.getByTestId('connection-status')).toContainText('Reconnecting');
  const offline = await a.addNote('Advocacy', 'Thoughts', 'Would I recommend this?');
  await server.start();
  await expect.poll(() => a.connection(), { timeout: 30_000 }).toBe('connected');
  await expect.poll(() => b.connection(), { timeout: 30_000 }).toBe('connected');
  await expect.poll(async () => (await b.noteById(offline))?.text).toBe('Would I recommend this?');
  const third = await b.addNote('Retention', 'Opportunities', 'Loyalty programme');
  await expect.poll(async () => (await a.noteById(third))?.text).toBe('Loyalty programme');
  const fresh = await boardPageAs(browser, server, { name: 'Cem Ok', department: 'support' });
  await fresh.open(boardId);
  await expect.poll(async () => (await fresh.noteById(noteId))?.stageId).toBe(consideration.id);
  expect((await fresh.noteById(third))?.text).toBe('Loyalty programme');
});

test('presence: each person sees the other’s cursor, selection and who is editing', async ({ browser, server }) => {
  const { a, b } = await annAndBobOnNewBoard(browser, server, 'Presence', 'ecommerce');
  const note = (await a.board()).notes[0]!;
  const r = await a.noteRect(note.id);
  await a.page.mouse.click(r.x + 20, r.y + 20);
  await expect
    .poll(() => b.page.evaluate(() => window.__journeyboard!.peers()))
    .toEqual([{ name: 'Ann Lee', selection: [note.id], editing: null, hasCursor: true }]);
  await expect.poll(() => b.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-cursor'))).toBe(1);
  await expect.poll(() => b.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-selection'))).toBe(1);
  await a.page.mouse.dblclick(r.x + 20, r.y + 50);
  await expect.poll(() => b.page.evaluate(() => window.__journeyboard!.canvasShapeCount('peer-editing'))).toBe(1);
  await expect(b.page.getByTestId('people').locator('.avatar')).toHaveCount(2);
});
