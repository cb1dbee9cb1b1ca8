import { CommentsObject } from './CommentsObject.ts';
import { expect, test } from './fixtures.ts';
import { PrivateWritingObject } from './PrivateWritingObject.ts';
import { TouchBoardObject } from './TouchBoardObject.ts';
import { VotingObject } from './VotingObject.ts';

test('a live workshop across devices: phones write privately, comment and vote from the list; the facilitator’s priority list matches their taps', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const fay = await TouchBoardObject.laptop(browser, server, { name: 'Fay Doe', department: 'product' });
  await fay.open(boardId);
  const ann = await TouchBoardObject.join(browser, server, { name: 'Ann Lee', department: 'marketing' });
  const bob = await TouchBoardObject.join(browser, server, { name: 'Bob Ray', department: 'sales' });
  for (const phone of [ann, bob]) {
    await phone.openAs(boardId, 'editor');
    await phone.openList();
  }

  // Private writing: each phone adds a pain point from the list; nobody else sees it until the reveal.
  await new PrivateWritingObject(fay).start();
  await expect(ann.page.getByTestId('private-writing-bar')).toBeVisible();
  await ann.addInList('Consideration', 'Pain points', 'Shipping cost shown too late');
  await bob.addInList('Consideration', 'Pain points', 'No size chart on mobile');
  await expect(ann.page.getByTestId('outline-drafts')).toContainText('Shipping cost shown too late');
  await expect(bob.page.getByTestId('outline-drafts')).toContainText('No size chart on mobile');
  expect((await fay.board()).notes.map((n) => n.text)).not.toContain('Shipping cost shown too late');
  await fay.page.getByTestId('private-reveal').click();
  for (const phone of [ann, bob])
    for (const text of ['Shipping cost shown too late', 'No size chart on mobile'])
      await expect(phone.card(text)).toBeVisible();
  const written = ['Shipping cost shown too late', 'No size chart on mobile'];
  const revealed = (await fay.board()).notes.filter((n) => written.includes(n.text));
  expect(revealed.map((n) => n.kind)).toEqual(['pain', 'pain']); // the lane's kind

  // Ann comments on Bob's note from her phone; the facilitator reads it.
  await ann.card('No size chart on mobile').getByTestId('outline-comments').tap();
  await new CommentsObject(ann).startThread('Seen this in support tickets too');
  await ann.page.getByTestId('popover-close').tap();
  const fayComments = new CommentsObject(fay);
  await fayComments.openPanel();
  await expect(fayComments.panel).toContainText('Seen this in support tickets too');
  await fay.page.getByRole('button', { name: 'Close comments' }).click();

  // Everyone to a stage: the facilitator centres Purchase and brings everyone; the phones' lists go there.
  const purchase = await fay.stage('Purchase');
  const header = await fay.page.evaluate((id) => window.__journeyboard!.stageHeaderRect(id)!, purchase.id);
  const main = (await fay.page.locator('.board-main').boundingBox())!;
  await fay.page.mouse.move(main.x + main.width / 2, main.y + main.height / 2);
  await fay.page.mouse.wheel(header.x + header.width / 2 - (main.x + main.width / 2), 0);
  await fay.page.getByTestId('facilitate-button').click();
  await fay.page.getByTestId('bring-everyone').click();
  for (const phone of [ann, bob])
    await expect(phone.page.getByRole('tab', { name: /Purchase/ })).toHaveAttribute('aria-selected', 'true');

  // Voting by taps: Ann 2 dots on "Shipping", 1 on "No size chart"; Bob 1 on "Shipping". Dots left show on each phone.
  await new VotingObject(fay).start({ title: 'Top pains', dots: 3, facilitatorVotes: false });
  const tapDot = async (phone: TouchBoardObject, text: string) => {
    await phone.pickStage('Consideration');
    await phone
      .card(text)
      .getByRole('button', { name: /^Add a dot/ })
      .tap();
  };
  await tapDot(ann, 'Shipping cost shown too late');
  await tapDot(ann, 'Shipping cost shown too late');
  await tapDot(ann, 'No size chart on mobile');
  await tapDot(bob, 'Shipping cost shown too late');
  await expect(ann.page.getByTestId('dots-left')).toHaveText('0 left');
  await expect(bob.page.getByTestId('dots-left')).toHaveText('2 left');
  await expect(ann.card('Shipping cost shown too late').locator('.outline-vote-count')).toHaveText('Your dots: 2');

  await fay.page.getByTestId('reveal-votes').click();
  if (!(await fay.page.getByTestId('priority-panel').isVisible()))
    await fay.page.getByTestId('priorities-toggle').click();
  const rows = fay.page.getByTestId('priority-row');
  await expect(rows.nth(0)).toContainText('Shipping cost shown too late');
  await expect(rows.nth(0).locator('.votes')).toHaveText('3');
  await expect(rows.nth(1)).toContainText('No size chart on mobile');
  await expect(rows.nth(1).locator('.votes')).toHaveText('1');
});

test('a phone that joins while the facilitator leads opens on the led view: its list on the stage the room follows', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Checkout workshop', 'ecommerce');
  const fay = await TouchBoardObject.laptop(browser, server, { name: 'Fay Doe', department: 'product' });
  await fay.open(boardId);
  const purchase = await fay.stage('Purchase');
  const header = await fay.page.evaluate((id) => window.__journeyboard!.stageHeaderRect(id)!, purchase.id);
  const main = (await fay.page.locator('.board-main').boundingBox())!;
  await fay.page.mouse.move(main.x + main.width / 2, main.y + main.height / 2);
  await fay.page.mouse.wheel(header.x + header.width / 2 - (main.x + main.width / 2), 0);
  const ann = await TouchBoardObject.laptop(browser, server, { name: 'Ann Lee', department: 'marketing' });
  await ann.openAs(boardId, 'editor');
  await ann.page.locator('[data-testid="avatar"][data-name="Fay Doe"]').click();
  await expect(ann.page.getByTestId('follow-banner')).toContainText('Following Fay Doe');

  const cy = await TouchBoardObject.join(browser, server, { name: 'Cy Ng', department: 'sales' });
  await cy.openAs(boardId, 'editor');
  await cy.openList();
  await expect(cy.page.getByRole('tab', { name: /Purchase/ })).toHaveAttribute('aria-selected', 'true');
});
