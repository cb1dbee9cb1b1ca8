import { BoardPageObject } from './BoardPageObject.ts';
import { CommentsObject } from './CommentsObject.ts';
import { credentialOf, expect, personPage, test, boardPageAs, ANN, BOB, annOnNewBoard } from './fixtures.ts';
import { seriousViolations } from './axe.ts';

const SHOTS = 'test-results/comments-screenshots';

test('comments: A comments on a note; B (commenter link) sees the badge and the unread count and replies; A sees it; resolving hides it from "open"; a mention is highlighted for the person mentioned', async ({
  workshop,
}) => {
  const [, b, a] = await workshop('Checkout journey', [[BOB, 'commenter'], ANN]);
  const ac = new CommentsObject(a);
  const bc = new CommentsObject(b);
  const note = (await a.board()).notes[2]!;

  // A starts a thread on a note, mentioning B (picked from everyone who joined the board).
  await ac.openOnNote(note.id);
  await ac.startThread('Is the delivery cost shown early enough? @Bob what do customers say?');
  await expect(ac.popover.getByTestId('comment-text').first()).toContainText('@Bob Ray');
  // Keys pressed in the popover stay there: Backspace on its button leaves the selected note alone.
  expect(await a.page.evaluate(() => window.__journeyboard!.selection())).toEqual([note.id]);
  await ac.popover.getByTestId('new-thread-open').focus();
  await a.page.keyboard.press('Backspace');
  await expect(ac.popover).toBeVisible();
  expect((await a.board()).notes.map((n) => n.id)).toContain(note.id);

  // B sees the badge on the note and the unread count on the toggle.
  await expect.poll(() => bc.badgeCount(note.id)).toBe(1);
  await expect(bc.unreadCount).toHaveText('1');
  await bc.openPanel();
  await expect(bc.rows()).toHaveCount(1);
  await expect(bc.rows().first()).toHaveAttribute('data-unread', 'true');
  await expect(bc.rows().first().getByTestId('row-mentions-me')).toBeVisible();
  await b.screenshot(`${SHOTS}/panel-unread.png`);

  // Clicking the thread shows it in place: the popover opens; the mention of B is highlighted for B.
  await bc.rows().first().click();
  await expect(bc.popover).toBeVisible();
  await expect(bc.popover.getByTestId('mention-me')).toHaveText('@Bob Ray');
  await expect(bc.unreadCount).toBeHidden(); // opened = read
  await bc.reply('Yes, they ask about it on every support call.\nSee https://example.com/faq');
  await expect(bc.popover.getByTestId('comment')).toHaveCount(2);
  await expect(bc.popover.locator('a[href="https://example.com/faq"]')).toHaveAttribute('rel', 'noopener noreferrer');

  // A sees the reply (and it is unread for A while A is not looking at it… A is, so it reads it).
  await expect(ac.popover.getByTestId('comment')).toHaveCount(2);
  await expect(ac.popover.getByTestId('comment').nth(1)).toContainText('every support call');
  await expect(ac.popover.getByTestId('mention-me')).toHaveCount(0); // A was not mentioned
  await a.screenshot(`${SHOTS}/popover.png`);
  expect(await seriousViolations(a.page, '[data-testid="thread-popover"]')).toEqual([]);

  // B edits their own reply and reacts to A's comment; A sees both. A cannot edit B's reply.
  const bReply = bc.popover.getByTestId('comment').nth(1);
  await bReply.getByTestId('comment-edit').click();
  const editBox = bReply.getByTestId('edit-input');
  await editBox.fill('Yes, on almost every support call.');
  await editBox.press('Enter');
  await bc.popover.getByTestId('comment').first().getByTestId('reaction-add').click();
  await bc.popover.screenshot({ path: `${SHOTS}/reaction-menu.png` });
  await bc.popover.getByTestId('react-thumbs').click();
  await expect(ac.popover.getByTestId('comment').nth(1)).toContainText('Yes, on almost every support call.');
  await expect(ac.popover.getByTestId('comment').nth(1)).toContainText('edited');
  await expect(ac.popover.getByTestId('comment').first().getByTestId('reaction-thumbs')).toContainText('1');
  await expect(ac.popover.getByTestId('comment').nth(1).getByTestId('comment-edit')).toHaveCount(0);
  await b.screenshot(`${SHOTS}/popover-reactions.png`);

  // A resolves the thread: the badge goes, and B's "open" filter no longer lists it.
  await ac.popover.getByTestId('thread-resolve').click();
  await expect.poll(() => bc.badgeCount(note.id)).toBe(0);
  await bc.page.getByTestId('popover-close').click();
  await bc.filter('open');
  await expect(bc.rows()).toHaveCount(0);
  await bc.filter('resolved');
  await expect(bc.rows()).toHaveCount(1);
  await bc.filter('mentions');
  await expect(bc.rows()).toHaveCount(1);
  expect(await seriousViolations(bc.page, '[data-testid="comments-panel"]')).toEqual([]);
});

test('"since you were last here": the second session of one person lists notes added, edited and deleted, and comments, each clickable to its place', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Onboarding journey', 'ecommerce');
  const annPage = await personPage(browser, server, { name: 'Ann Lee', department: 'marketing' });
  const a = new BoardPageObject(annPage);
  const b = await boardPageAs(browser, server, BOB);
  await a.open(boardId);
  await b.open(boardId, 'editor');
  await expect.poll(async () => (await b.page.evaluate(() => window.__journeyboard!.peers())).length).toBe(1);
  // Nothing to summarise on a first visit.
  await expect(a.page.getByTestId('since-summary')).toBeHidden();
  const annCredential = await credentialOf(annPage);
  await annPage.context().close();
  await expect.poll(async () => (await b.page.evaluate(() => window.__journeyboard!.peers())).length).toBe(0);

  // While Ann is away, Bob adds, edits and deletes notes, and comments.
  const notes = (await b.board()).notes;
  const added = await b.addNote('Delivery', 'Pain points', 'Courier never rang the bell');
  await b.editNote(notes[0]!.id, 'Instagram ad with a discount code');
  const doomed = notes[1]!;
  const r = await b.noteRect(doomed.id);
  await b.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await b.page.keyboard.press('Delete');
  await expect.poll(async () => (await b.noteById(doomed.id)) === undefined).toBe(true);
  const bc = new CommentsObject(b);
  await bc.openOnNote(added);
  await bc.startThread('Happens a lot in flats');

  // Ann's second session (her browser again: a new context holding her credential).
  const again = await boardPageAs(browser, server, ANN, { credential: annCredential });
  await again.open(boardId);
  const summary = again.page.getByTestId('since-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('1 note added, 1 edited, 1 deleted, 1 comment');
  const items = summary.getByTestId('summary-item');
  await expect(items.filter({ hasText: 'Courier never rang the bell' }).first()).toHaveAttribute(
    'data-change',
    'added',
  );
  await expect(items.filter({ hasText: 'Instagram ad with a discount code' })).toHaveAttribute('data-change', 'edited');
  await expect(items.filter({ hasText: doomed.text.slice(0, 20) })).toBeDisabled();
  await expect(items.filter({ hasText: 'Happens a lot in flats' })).toHaveAttribute('data-change', 'comment');
  // The comment is unread for her, and its note carries the badge.
  await expect(again.page.getByTestId('comments-unread')).toHaveText('1');
  await expect.poll(() => new CommentsObject(again).badgeCount(added)).toBe(1);
  await again.screenshot('test-results/comments-screenshots/summary.png');
  expect(await seriousViolations(again.page, '[data-testid="since-summary"]')).toEqual([]);

  // A click shows the place: the note is pointed out and in view, its threads open.
  await items.filter({ hasText: 'Happens a lot in flats' }).click();
  await expect(again.page.getByTestId('thread-popover')).toContainText('Happens a lot in flats');
  await expect
    .poll(() => again.page.evaluate(() => window.__journeyboard!.canvasShapeCount('comment-highlight')))
    .toBe(1);
  const shown = await again.noteRect(added);
  expect(shown.x).toBeGreaterThan(0);
  expect(shown.x + shown.width).toBeLessThan(1400);
  await expect(again.page.getByTestId('comments-unread')).toBeHidden();
  await again.screenshot('test-results/comments-screenshots/summary-click.png');
});

test('a thread on a deleted note stays, "on a deleted note", and is back in place after undo; markup stays text; threads on a stage and on the board; the panel works from the outline', async ({
  browser,
  server,
}) => {
  const { a } = await annOnNewBoard(browser, server, 'Support journey', 'ecommerce');
  const ac = new CommentsObject(a);
  const note = (await a.board()).notes[4]!;
  await ac.openOnNote(note.id);
  await ac.startThread('<img src=x onerror="window.__pwned=1"><b>bold?</b>');
  const text = ac.popover.getByTestId('comment-text').first();
  await expect(text).toHaveText('<img src=x onerror="window.__pwned=1"><b>bold?</b>');
  expect(await text.locator('img, b').count()).toBe(0);
  expect(await a.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect.poll(() => ac.badgeCount(note.id)).toBe(1);
  await a.page.getByTestId('popover-close').click();
  await a.screenshot('test-results/comments-screenshots/badges.png');

  // Delete the note: the thread stays, listed as on a deleted note.
  const r = await a.noteRect(note.id);
  await a.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await a.page.keyboard.press('Delete');
  await expect.poll(async () => (await a.noteById(note.id)) === undefined).toBe(true);
  await ac.openPanel();
  await expect(ac.rows().first()).toContainText('On a deleted note');
  await ac.rows().first().click();
  await expect(ac.popover.getByTestId('popover-target')).toHaveText('On a deleted note');
  await a.screenshot('test-results/comments-screenshots/deleted-note.png');

  // Undo brings the note back with the same id: the thread is on it again, badge and all.
  await a.page.getByTestId('popover-close').click();
  await a.page.locator('[data-testid="board-canvas"]').click({ position: { x: 5, y: 300 } });
  await a.page.keyboard.press('Control+z');
  await expect.poll(async () => (await a.noteById(note.id))?.text).toBe(note.text);
  await expect(ac.rows().first()).not.toContainText('On a deleted note');
  await expect.poll(() => ac.badgeCount(note.id)).toBe(1);

  // Threads on a stage (its header) and on the whole board are listed with their place.
  const awareness = await a.stage('Awareness');
  const header = await a.page.evaluate((id) => window.__journeyboard!.stageHeaderRect(id), awareness.id);
  await a.page.mouse.click(header!.x + 40, header!.y + 20);
  await a.page.getByTestId('comment-anchor').click();
  await ac.startThread('Do we know where people first hear of us?');
  await a.page.getByTestId('popover-close').click();
  await ac.panel.getByTestId('comment-on-board').click();
  await ac.startThread('Workshop notes go here');
  await expect(ac.popover.getByTestId('popover-target')).toHaveText('The whole board');
  await a.page.getByTestId('popover-close').click();
  await expect(ac.rows()).toHaveCount(3);
  await expect(ac.rows().filter({ hasText: 'Stage: Awareness' })).toHaveCount(1);
  await expect(ac.rows().first()).toContainText('The whole board'); // newest first

  // The outline view reaches the same threads: a note's comments by keyboard, and the panel;
  // a click in the panel goes back to the canvas, to the place.
  await a.page.getByTestId('outline-toggle').click();
  await expect(ac.panel).toBeVisible();
  const outlineButton = a.page.locator(`[data-note-id="${note.id}"]`).getByTestId('outline-comments');
  await expect(outlineButton).toHaveText(/Comments \(1\)/);
  await outlineButton.focus();
  await a.page.keyboard.press('Enter');
  await expect(ac.popover).toContainText('bold?');
  await ac.reply('Answered from the outline');
  await expect(ac.popover.getByTestId('comment')).toHaveCount(2);
  await a.screenshot(`${SHOTS}/outline.png`);
  await a.page.getByTestId('popover-close').click();
  await ac.rows().filter({ hasText: 'Stage: Awareness' }).click();
  await expect(a.page.getByTestId('board-canvas')).toBeVisible();
  await expect(ac.popover.getByTestId('popover-target')).toHaveText('Awareness');
  // Back on the canvas, a note's badge still opens its threads.
  await a.page.getByTestId('popover-close').click();
  const badge = await ac.badgeCentre(note.id);
  await a.page.mouse.click(badge.x, badge.y);
  await expect(ac.popover.getByTestId('popover-target')).toContainText(
    note.text.replace(/\s+/g, ' ').trim().slice(0, 20),
  );
});
