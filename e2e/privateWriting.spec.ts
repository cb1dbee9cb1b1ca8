import { ANN_AMOS, expect, FAY, test } from './fixtures.ts';
import { PrivateWritingObject } from './PrivateWritingObject.ts';
import { seriousViolations } from './axe.ts';

test('private writing: a participant’s draft is invisible to the facilitator until the reveal, then a note for both', async ({
  workshop,
}) => {
  test.slow(); // two browser pages, drafts through the server
  const [, fac, ann] = await workshop('Checkout journey', [FAY, [ANN_AMOS, 'editor']]);
  const [facP, annP] = [new PrivateWritingObject(fac), new PrivateWritingObject(ann)];
  const out = (name: string) => test.info().outputPath(name);
  const SECRET = 'Delivery costs show up only at checkout';
  const notesBefore = (await fac.board()).notes.length;

  // Only the facilitator runs it; the participant hears it has started.
  await ann.page
    .getByTestId('facilitate-button')
    .isVisible()
    .then((v) => expect(v).toBe(false));
  await facP.start();
  await expect(annP.bar).toContainText('visible only to you');

  // Ann writes a draft by double-clicking a cell, as she would a note; then moves it.
  const draft = await annP.addDraft('Consideration', 'Pain points', SECRET);
  await annP.dragDraft(draft.id, 'Purchase', 'Pain points');
  await expect(annP.bar.getByTestId('my-draft-count')).toContainText('1 private note');
  expect((await ann.board()).notes.length).toBe(notesBefore); // not a note in the document
  expect(await annP.canvasTexts()).toContain(SECRET);
  expect(await annP.canvasTexts()).toContain('Only you can see this');

  // The facilitator hears a count, never the text: not on the canvas, not in the page, not in the board.
  await expect(facP.bar.getByTestId('private-writers')).toContainText('Ann Amos is writing… 1 note');
  expect(await facP.canvasTexts()).not.toContain(SECRET);
  expect(await fac.page.content()).not.toContain(SECRET);
  expect((await fac.board()).notes.some((n) => n.text === SECRET)).toBe(false);
  expect((await facP.state()).drafts).toEqual([]);

  // The accessible outline lists my private notes too (and only mine).
  await ann.page.getByTestId('outline-toggle').click();
  await expect(ann.page.getByTestId('outline-drafts')).toContainText(SECRET);
  expect(await seriousViolations(ann.page, '[data-testid="outline-drafts"]')).toEqual([]);
  await fac.page.getByTestId('outline-toggle').click();
  await expect(fac.page.getByTestId('outline')).toBeVisible();
  await expect(fac.page.getByTestId('outline-drafts')).toHaveCount(0);
  for (const b of [ann, fac]) await b.page.getByRole('radio', { name: 'Board' }).click();

  // The facilitator's popover counts the private notes.
  await fac.page.getByTestId('facilitate-button').click();
  await expect(fac.page.getByTestId('private-writing-summary')).toContainText('1 private note from 1 person');
  await fac.page.getByTestId('facilitate-panel').screenshot({ path: out('private-facilitate-panel.png') });
  expect(await seriousViolations(fac.page, '[data-testid="private-writing-controls"]')).toEqual([]);
  await fac.page.keyboard.press('Escape');

  // Screenshots of the draft UI (selected, with its toolbar) and the facilitator's view.
  const rect = (await annP.state()).drafts[0]!.rect!;
  await ann.page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await expect(ann.page.getByTestId('draft-toolbar')).toBeVisible();
  await ann.screenshot(out('private-draft-author.png'));
  expect(await seriousViolations(ann.page, '[data-testid="draft-toolbar"]')).toEqual([]);
  for (const b of [ann, fac])
    expect(await seriousViolations(b.page, '[data-testid="private-writing-bar"]')).toEqual([]);
  await fac.screenshot(out('private-draft-facilitator.png'));

  // Reveal: the draft becomes a note in its cell, with Ann as author and Sales as department, for both.
  await fac.page.getByTestId('private-reveal').click();
  const purchase = await fac.stage('Purchase');
  for (const page of [fac, ann]) {
    await expect
      .poll(async () => (await page.board()).notes.find((n) => n.text === SECRET)?.stageId ?? null)
      .toBe(purchase.id);
  }
  const note = (await fac.board()).notes.find((n) => n.text === SECRET)!;
  expect(note).toMatchObject({ authorName: 'Ann Amos', department: 'sales' });
  await expect(annP.bar).toBeHidden();
  expect((await annP.state()).drafts).toEqual([]);
  await expect.poll(() => facP.canvasTexts()).toContain(SECRET);
  await fac.screenshot(out('private-revealed-facilitator.png'));
});

test('private writing: notes pasted or duplicated while a phase is open are the author’s drafts, not notes on the board', async ({
  workshop,
}) => {
  const [, fac, ann] = await workshop('Paste in private', [FAY, [ANN_AMOS, 'editor']]);
  const [facP, annP] = [new PrivateWritingObject(fac), new PrivateWritingObject(ann)];
  const board = await ann.board();
  const note = board.notes.find((n) => n.stageId === board.stages[0]!.id && n.kind === 'touchpoint')!;
  const selectNote = async () => {
    const r = await ann.noteRect(note.id);
    await ann.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await expect.poll(() => ann.page.evaluate(() => window.__journeyboard!.selection())).toEqual([note.id]);
  };
  // Copied before the phase starts.
  await selectNote();
  await ann.page.keyboard.press('Control+c');
  await facP.start();
  await expect(annP.bar).toContainText('visible only to you');
  const notesBefore = (await fac.board()).notes.length;

  // Pasted: a draft of Ann's with the copied text, in the note's cell.
  await ann.page.keyboard.press('Control+v');
  await expect
    .poll(async () => (await annP.state()).drafts.map((d) => [d.text, d.stageId, d.laneId]))
    .toEqual([[note.text, note.stageId, note.laneId]]);
  // Duplicated: a second one.
  await selectNote();
  await ann.page.keyboard.press('Control+d');
  await expect.poll(async () => (await annP.state()).drafts.length).toBe(2);
  await expect(facP.bar.getByTestId('private-writers')).toContainText('Ann Amos is writing… 2 notes');
  for (const page of [fac, ann]) expect((await page.board()).notes.length).toBe(notesBefore);

  // The reveal makes them notes, written by Ann.
  await fac.page.getByTestId('private-reveal').click();
  await expect
    .poll(
      async () => (await fac.board()).notes.filter((n) => n.text === note.text && n.authorName === 'Ann Amos').length,
    )
    .toBe(2);
  expect((await fac.board()).notes.length).toBe(notesBefore + 2);
});
