import Papa from 'papaparse';
import { seriousViolations } from './axe.ts';
import { BOB, boardPageAs, expect, test, type Person } from './fixtures.ts';
import { SendToObject } from './SendToObject.ts';
import { TestServer } from './server.ts';
import { TouchBoardObject } from './TouchBoardObject.ts';
import { startReceiver } from '../server/testing/httpReceiver.ts';

const FAY: Person = { name: 'Fay Flint', department: 'product' };
const TOKEN = 'github_pat_e2e_0000000000000000000000';

/**
 * "Send to…" on the priority list, against a server whose operator set up GitHub (a fake GitHub
 * API on 127.0.0.1): the hand-off files, then an issue created and its link on the action.
 */
test.describe('Send to…', () => {
  let github: Awaited<ReturnType<typeof startReceiver>>;
  let server: TestServer;

  test.beforeAll(async () => {
    github = await startReceiver((n, res) =>
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ number: 40 + n, html_url: `https://github.com/acme/journeys/issues/${40 + n}` })),
    );
    server = new TestServer({ GITHUB_TOKEN: TOKEN, GITHUB_REPO: 'acme/journeys', GITHUB_API_URL: github.origin });
    await server.start();
  });
  test.afterAll(async () => {
    await server?.dispose();
    await github?.close();
  });

  test('downloads Jira, Linear and GitHub files, creates a GitHub issue and links it on the action for everyone', async ({
    browser,
  }) => {
    const boardId = await server.createBoard('Checkout «hand-off»', 'ecommerce');
    const fay = await boardPageAs(browser, server, FAY);
    await fay.page.setViewportSize({ width: 1440, height: 900 });
    await fay.open(boardId);
    const sendTo = new SendToObject(fay);
    await sendTo.openPanel();
    const noteId = await sendTo.makeAction(0, '@octo-cat');
    const text = (await fay.noteById(noteId))!.text;
    await expect.poll(async () => (await fay.noteById(noteId))?.action?.owner).toBe('@octo-cat');

    await sendTo.open();
    await expect(sendTo.dialog.getByTestId('send-to-count')).toHaveText('1 action from this list, in its order.');
    const jira = await sendTo.download('jira');
    expect(jira.name).toBe('checkout-hand-off-jira.csv');
    expect(jira.text.slice(0, jira.text.indexOf('\r\n'))).toBe(
      'Summary,Description,Issue Type,Priority,Labels,Labels,Labels,Assignee,Due date',
    );
    const [, row] = Papa.parse<string[]>(jira.text, { skipEmptyLines: true }).data;
    expect(row![0]).toBe(text.split('\n')[0]);
    expect(row!.slice(2, 5)).toEqual(['Task', 'Low', 'journeyboard']);
    expect(row![7]).toBe("'@octo-cat");
    const linear = await sendTo.download('linear');
    expect(linear.name).toBe('checkout-hand-off-linear.csv');
    expect(linear.text.startsWith('Title,Description,Status,Priority,Assignee,Labels,Due Date\r\n')).toBe(true);
    const payloads = JSON.parse((await sendTo.download('github-json')).text) as {
      title: string;
      assignees: string[];
    }[];
    expect(payloads).toEqual([expect.objectContaining({ title: text.split('\n')[0], assignees: ['octo-cat'] })]);
    const script = await sendTo.download('github-script');
    expect(script.name).toBe('checkout-hand-off-github-issues.sh');
    expect(script.text).toContain('gh issue create --repo "$repo" \\\n  --title \'');

    // The server says GitHub is set up; the facilitator creates the issue there.
    await expect(sendTo.dialog.getByTestId('create-in-github')).toContainText('Create 1 issue in GitHub');
    await expect(sendTo.dialog.getByTestId('create-in-github')).toContainText('acme/journeys');
    await fay.page.screenshot({ path: 'test-results/send-to-desktop.png' });
    expect(await seriousViolations(fay.page, '.dialog.send-to')).toEqual([]);
    const results = await sendTo.createIn('github');
    await expect(results.getByTestId('issue-link')).toHaveText('Issue #41');
    expect(github.received).toHaveLength(1);
    expect(github.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(github.received[0]!.body)).toMatchObject({ title: text.split('\n')[0], assignees: ['octo-cat'] });
    await expect(sendTo.dialog.getByTestId('create-in-github')).toBeDisabled();
    await fay.page.screenshot({ path: 'test-results/send-to-created.png' });
    expect(await seriousViolations(fay.page, '.dialog.send-to')).toEqual([]);
    await sendTo.close();

    // The action links to its issue in the list, and on an editor's board too.
    const link = sendTo.panel.locator(`[data-note-id="${noteId}"]`).getByTestId('issue-link');
    await expect(link).toHaveAttribute('href', 'https://github.com/acme/journeys/issues/41');
    await expect(link).toHaveAttribute('target', '_blank');
    const bob = await boardPageAs(browser, server, BOB);
    await bob.open(boardId, 'editor');
    await expect
      .poll(async () => (await bob.noteById(noteId))?.action?.issueUrl)
      .toBe('https://github.com/acme/journeys/issues/41');
    await fay.page.screenshot({ path: 'test-results/send-to-linked.png' });
    // Bob selects the note on the board: its action fields in the toolbar link to the issue too.
    const r = await bob.noteRect(noteId);
    await bob.page.mouse.click(r.x + 20, r.y + 20);
    await expect(bob.page.getByTestId('selection-toolbar').getByTestId('issue-link')).toHaveAttribute(
      'href',
      'https://github.com/acme/journeys/issues/41',
    );
    await bob.page.screenshot({ path: 'test-results/send-to-toolbar.png' });
    // The token never reached a page.
    expect(await fay.page.content()).not.toContain(TOKEN);
    await Promise.all([fay.page.context().close(), bob.page.context().close()]);
  });

  // An iPad Air's 820 × 1180 on a touch iPad's user agent (Playwright lists no iPad Air); an iPhone 13's 390.
  for (const { device, label, width, height } of [
    { device: 'iPad (gen 7)', label: 'tablet', width: 820, height: 1180 },
    { device: 'iPhone 13', label: 'phone', width: 390, height: 664 },
  ] as const) {
    test(`on a ${label} (${width} wide, touch): the dialog fits, is accessible, and downloads offline`, async ({
      browser,
    }) => {
      const boardId = await server.createBoard('Checkout', 'ecommerce');
      const fay = await TouchBoardObject.device(browser, server, FAY, device);
      await fay.page.setViewportSize({ width, height });
      await fay.openAs(boardId, 'facilitator');
      const sendTo = new SendToObject(fay);
      await sendTo.openPanel(await fay.reach('toolbar', 'priorities-toggle'));
      await sendTo.makeAction(0, 'Priya');
      await sendTo.open();
      await expect(sendTo.dialog.getByTestId('create-in-github')).toBeVisible();
      const box = (await sendTo.dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await fay.page.screenshot({ path: `test-results/send-to-${label}.png` });
      expect(await seriousViolations(fay.page, '.dialog.send-to')).toEqual([]);
      // Offline-first: the files are made on the device, so a lost connection does not stop them.
      await fay.page.context().setOffline(true);
      const linear = await sendTo.download('linear');
      expect(linear.name).toBe('checkout-linear.csv');
      expect(linear.text).toContain(',Todo,Low,Priya,"journeyboard, pain-point, consideration",');
      await fay.page.context().close();
    });
  }
});
