import { BoardPageObject } from './BoardPageObject.ts';
import { expect, personPage, test, boardPageAs, FAY } from './fixtures.ts';
import { linkFor, TestServer } from './server.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../server/testing/oidcProvider.ts';

/**
 * "Sign in with your company account" in Chromium against a real OpenID provider on 127.0.0.1
 * (oidc-provider, login without a form): the home page button, My boards on a second device
 * (a new browser context), sign-out.
 */
const ann = { name: 'Ann Lee', department: 'sales' } as const;

test.describe('company sign-in', () => {
  let idp: TestOidcProvider;
  let server: TestServer;

  test.beforeEach(async () => {
    idp = await startTestOidcProvider();
    idp.accounts.set('ann-123', { email: 'ann@example.com', name: 'Ann Lee' });
    idp.signInAs = 'ann-123';
    server = new TestServer({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
    });
    await server.start();
    idp.serve(`${server.url}/auth/callback`);
  });

  test.afterEach(async () => {
    await server.dispose();
    await idp.close();
  });

  test('sign in from the home page; a board opened on one device is in My boards on another; sign out', async ({
    browser,
  }) => {
    const laptop = await personPage(browser, server, ann);
    await laptop.goto('/');
    await laptop.getByTestId('sign-in').click();
    await expect(laptop.getByTestId('account')).toContainText('Signed in as Ann Lee');
    await expect(laptop.getByTestId('my-boards')).toContainText('Boards you open while signed in appear here');

    const boardId = await server.createBoard('Onboarding journey');
    await new BoardPageObject(laptop).open(boardId, 'editor');

    const phone = await personPage(browser, server, ann);
    await phone.goto('/');
    await phone.getByTestId('sign-in').click();
    const listed = phone.getByTestId('my-board');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText('Onboarding journey');
    await expect(listed).toContainText('Editor');
    // The phone never had the link: signed in, the board opens from the list, as an editor.
    await listed.click();
    const onPhone = new BoardPageObject(phone);
    await onPhone.waitReady();
    await expect(phone.getByTestId('board-unavailable')).toHaveCount(0);
    await expect.poll(() => phone.evaluate(() => window.__journeyboard!.role())).toBe('editor');
    await phone.goto('/');

    // A device with no name yet: the join dialog offers the company's.
    const tablet = await (await browser.newContext({ baseURL: server.url })).newPage();
    await tablet.goto('/');
    await tablet.getByTestId('sign-in').click();
    await expect(tablet.getByTestId('account')).toBeVisible();
    await tablet.goto(linkFor(boardId, 'editor'));
    await expect(tablet.getByTestId('join-name')).toHaveValue('Ann Lee');

    await phone.getByTestId('sign-out').click();
    await expect(phone.getByTestId('sign-in')).toBeVisible();
    await phone.reload();
    await expect(phone.getByTestId('sign-in')).toBeVisible();
    await expect(phone.getByTestId('my-boards')).toHaveCount(0);
  });

  test('a guest facilitator lets in a signed-in person and a guest, sees which is which, and removes the guest', async ({
    browser,
  }) => {
    const boardId = await server.createBoard('Checkout workshop');
    const fay = await boardPageAs(browser, server, FAY);
    await fay.open(boardId);
    await fay.page.getByRole('button', { name: 'Facilitate' }).click();
    await fay.page.getByTestId('admission-toggle').check();
    await fay.page.keyboard.press('Escape');

    // Ann signs in with her company account, then follows the editor link; Gus is a guest by link.
    const annPage = await personPage(browser, server, ann);
    await annPage.goto('/');
    await annPage.getByTestId('sign-in').click();
    await expect(annPage.getByTestId('account')).toContainText('Signed in as Ann Lee');
    await annPage.goto(linkFor(boardId, 'editor'));
    const gusPage = await personPage(browser, server, { name: 'Gus Guest', department: 'other' });
    await gusPage.goto(linkFor(boardId, 'commenter'));
    for (const page of [annPage, gusPage]) await expect(page.getByTestId('waiting-room')).toBeVisible();

    const lobby = fay.page.getByTestId('lobby-banner');
    await lobby.getByRole('button', { name: 'Admit Ann Lee' }).click();
    await lobby.getByRole('button', { name: 'Admit Gus Guest' }).click();
    for (const page of [annPage, gusPage])
      await expect(page.locator('.board-page[data-ready="true"]')).toBeVisible({ timeout: 20_000 });

    await fay.page.getByTestId('participants-button').click();
    const panel = fay.page.getByTestId('participant-panel');
    await expect(panel.locator('[data-name="Ann Lee"]').getByTestId('participant-verified')).toHaveText('Signed in');
    await expect(panel.locator('[data-name="Gus Guest"]').getByTestId('participant-verified')).toHaveText('Guest');
    await fay.page.screenshot({ path: test.info().outputPath('signed-in-and-guest.png') });

    await panel.locator('[data-name="Gus Guest"]').getByTestId('participant-remove').click();
    await panel.getByTestId('participant-remove-confirm').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(
      gusPage.getByRole('alert').filter({ hasText: 'The facilitator removed you from this board.' }),
    ).toBeVisible();
    await expect(panel.getByTestId('participant')).toHaveCount(2);
  });
});
