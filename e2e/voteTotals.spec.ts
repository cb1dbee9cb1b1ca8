import { expect, test, boardPageAs } from './fixtures.ts';
import { facilitatorAt, VIEWPORTS } from './facilitatorPage.ts';
import { VotingObject } from './VotingObject.ts';

/** Issue 22: the last revealed round's dots stay on everyone's board until the facilitator takes them off. */
test('the facilitator takes the totals off everyone’s board and puts them back; a participant hides them for themself only', async ({
  browser,
  server,
}) => {
  test.slow(); // two pages, a round and two reloads
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const fac = await facilitatorAt(browser, server, VIEWPORTS[0]);
  await fac.open(boardId);
  const ann = await boardPageAs(browser, server, { name: 'Ann Amos', department: 'sales' });
  await ann.open(boardId, 'editor');
  const [facV, annV] = [new VotingObject(fac), new VotingObject(ann)];
  await facV.start({ title: 'Fix first?', dots: 1, facilitatorVotes: false });
  const pain = (await ann.board()).notes.find((n) => n.kind === 'pain')!;
  await expect(annV.bar).toBeVisible();
  await annV.clickNote(pain.id);
  await fac.page.getByRole('button', { name: 'Reveal' }).click();
  for (const v of [facV, annV]) await expect.poll(() => v.badgeText(pain.id)).toBe('1');
  const roundId = (await facV.state()).rounds[0]!.id;

  // Only the facilitator has the board-wide switch.
  await expect(annV.results).toBeVisible();
  await expect(annV.results.getByRole('checkbox', { name: 'Dots on my board' })).toBeChecked();
  await expect(annV.results.getByRole('checkbox', { name: 'Dots on everyone’s board' })).toHaveCount(0);
  const everyone = facV.results.getByRole('checkbox', { name: 'Dots on everyone’s board' });
  await expect(everyone).toBeChecked();

  await everyone.uncheck();
  for (const v of [facV, annV]) await expect.poll(() => v.badgeText(pain.id)).toBeNull();
  await expect(annV.results.getByTestId('hidden-for-everyone')).toBeVisible();
  await expect(annV.results.getByRole('checkbox', { name: 'Dots on my board' })).toBeDisabled();
  await ann.page.screenshot({ path: test.info().outputPath('totals-hidden-participant.png') });
  await fac.page.screenshot({ path: test.info().outputPath('totals-hidden-facilitator.png') });
  // Still off after a reload (the server keeps it, and sends it on connect).
  await ann.page.reload();
  await ann.waitReady();
  await expect.poll(async () => (await annV.state()).hiddenForEveryone).toBe(roundId);
  expect(await annV.badgeText(pain.id)).toBeNull();

  await everyone.check();
  for (const v of [facV, annV]) await expect.poll(() => v.badgeText(pain.id)).toBe('1');
  await ann.page.reload();
  await ann.waitReady();
  await expect.poll(() => annV.badgeText(pain.id)).toBe('1');

  // Ann hides them on her own screen: the facilitator's board keeps them.
  await ann.page.getByRole('button', { name: /^Results/ }).click();
  await annV.results.getByRole('checkbox', { name: 'Dots on my board' }).uncheck();
  await expect.poll(() => annV.badgeText(pain.id)).toBeNull();
  expect(await facV.badgeText(pain.id)).toBe('1');
  expect((await facV.state()).hiddenForEveryone).toBeNull();
});
