import { devices, type Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { DeviceTransferObject, storedIdentity } from './DeviceTransferObject.ts';
import { credentialOf, expect, personPage, test, boardPageAs } from './fixtures.ts';
import { seriousViolations } from './axe.ts';

const ann = { name: 'Ann Amos', department: 'sales' } as const;

test('a person takes their identity to a new device with a one-time link and is the same person there', async ({
  browser,
  server,
}) => {
  test.slow(); // three browser contexts
  const boardId = await server.createBoard('Checkout journey', 'ecommerce');
  const laptop = await boardPageAs(browser, server, ann);
  await laptop.page.setViewportSize({ width: 1440, height: 900 });
  await laptop.open(boardId, 'editor');
  const fromLaptop = await laptop.addNote('Consideration', 'Pain points', 'Written on the laptop');
  const laptopNote = (await laptop.board()).notes.find((n) => n.id === fromLaptop)!;

  const transfer = new DeviceTransferObject(laptop.page);
  const link = await transfer.open();
  expect(new URL(link).pathname).toBe('/join-device');
  expect(new URL(link).search).toBe(''); // the code only in the fragment, which no server sees
  await expect(transfer.dialog.getByTestId('device-qr')).toBeVisible();
  await expect(transfer.dialog.getByTestId('device-countdown')).toContainText(
    /Works once, for the next (10:00|9:\d\d)/,
  );
  await laptop.page.screenshot({ path: test.info().outputPath('device-dialog-1440.png') });
  expect(await seriousViolations(laptop.page, '.device-dialog')).toEqual([]);

  // The phone has never been here: no name, no credential. The link makes it Ann.
  const phone = await DeviceTransferObject.openOnNewDevice(browser, server.url, link);
  await expect(phone.getByTestId('joined-device')).toContainText('This device is now Ann Amos');
  expect(new URL(phone.url()).hash).toBe('');
  const [laptopId, phoneId] = [
    JSON.parse(await credentialOf(laptop.page)) as { personId: string; credential: string },
    await storedIdentity(phone),
  ];
  expect(phoneId?.personId).toBe(laptopId.personId);
  expect(phoneId?.credential).not.toBe(laptopId.credential); // a credential of its own, revocable alone

  // On the board, through a share link, the phone writes as the same person, with no join dialog.
  const onPhone = new BoardPageObject(phone);
  await onPhone.open(boardId, 'editor');
  const fromPhone = await onPhone.addNote('Purchase', 'Pain points', 'Written on the phone');
  const phoneNote = (await onPhone.board()).notes.find((n) => n.id === fromPhone)!;
  expect(phoneNote.authorId).toBe(laptopNote.authorId);
  expect(phoneNote.authorName).toBe('Ann Amos');

  // The link worked once.
  const late = await DeviceTransferObject.openOnNewDevice(browser, server.url, link);
  await expect(late.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();
  await expect(late.getByTestId('join-device-error')).toContainText('Each link works once');
  expect(await storedIdentity(late)).toBeNull();
});

test('the dialog on a tablet and a phone; a new link replaces the last one', async ({ browser, server }) => {
  test.slow();
  const boardId = await server.createBoard('Checkout journey', 'ecommerce');
  const first = await personPage(browser, server, ann);
  await new BoardPageObject(first).open(boardId, 'editor');
  const credential = await credentialOf(first);

  const tablet = await deviceOf(browser, server.url, credential, {
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
  });
  await new BoardPageObject(tablet).open(boardId, 'editor');
  await new DeviceTransferObject(tablet).open();
  await tablet.screenshot({ path: test.info().outputPath('device-dialog-820.png') });
  expect(await seriousViolations(tablet, '.device-dialog')).toEqual([]);

  const { defaultBrowserType: _, ...iPhone } = devices['iPhone 13'];
  const phone = await deviceOf(browser, server.url, credential, iPhone);
  await new BoardPageObject(phone).open(boardId, 'editor');
  const onPhone = new DeviceTransferObject(phone);
  const replaced = await onPhone.open({ keyboard: true });
  const current = await onPhone.remake({ keyboard: true });
  await phone.screenshot({ path: test.info().outputPath('device-dialog-390.png') });
  expect(await seriousViolations(phone, '.device-dialog')).toEqual([]);

  const stale = await DeviceTransferObject.openOnNewDevice(browser, server.url, replaced);
  await expect(stale.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  const fresh = await DeviceTransferObject.openOnNewDevice(browser, server.url, current, iPhone);
  await expect(fresh.getByTestId('joined-device')).toContainText('This device is now Ann Amos');
  await fresh.screenshot({ path: test.info().outputPath('device-joined-390.png') });
});

/** A browser of Ann's with `options` (viewport, touch), proven by `credential` (stored JSON). */
async function deviceOf(
  browser: import('@playwright/test').Browser,
  baseURL: string,
  credential: string,
  options: Parameters<import('@playwright/test').Browser['newContext']>[0],
): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL });
  await context.addInitScript(
    ({ p, c }) => {
      localStorage.setItem('journeyboard.identity', JSON.stringify(p));
      localStorage.setItem('journeyboard.credential', c);
    },
    { p: ann, c: credential },
  );
  return context.newPage();
}
