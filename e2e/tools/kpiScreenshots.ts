/**
 * Review shots of stage KPIs and saved templates (`node e2e/tools/kpiScreenshots.ts` after
 * `npm run build:test`): the KPI row on a filled board, a KPI card's editor, the CSV import
 * dialog with errors, and the home page listing a saved template. Written to test-results/screens.
 */
import { resolve } from 'node:path';
import { REVIEW_DIR, reviewPerson, withReviewBoard } from './reviewBoard.ts';

const only = process.argv[2];

await withReviewBoard(async ({ browser, server, boardId }) => {
  const board = await reviewPerson(browser, server, 'Ann Lee', { department: 'marketing' });
  const page = board.page;
  await board.open(boardId);
  // Scroll so the KPI row and the lanes above it are in view.
  const kpis = await page.evaluate(() => window.__journeyboard!.kpis());
  const first = kpis[0]!.rect!;
  await page.mouse.move(700, 500);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, Math.max(0, (first.y - 560) / 6));
  await page.waitForTimeout(300);
  if (!only || only === 'row') await page.screenshot({ path: resolve(REVIEW_DIR, 'kpi-row.png') });
  // The same row at 100 %, to check the cards' text.
  await page.getByTitle('Reset to 100%').click();
  const at100 = (await page.evaluate(() => window.__journeyboard!.kpis()))[0]!.rect!;
  await page.mouse.move(700, 500);
  for (let i = 0; i < 4; i++) await page.mouse.wheel((at100.x - 200) / 4, (at100.y - 400) / 4);
  await page.waitForTimeout(300);
  if (!only || only === 'row100') await page.screenshot({ path: resolve(REVIEW_DIR, 'kpi-row-100.png') });
  const now = await page.evaluate(() => window.__journeyboard!.kpis());
  const card = now.find((k) => k.metric === 'CES')!.rect!;
  await page.mouse.click(card.x + 40, card.y + 20);
  await page.getByTestId('kpi-popover').waitFor();
  if (!only || only === 'editor') await page.screenshot({ path: resolve(REVIEW_DIR, 'kpi-editor.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('outline-toggle').click();
  await page
    .getByTestId('outline')
    .getByRole('button', { name: /^Edit CES in / })
    .click();
  await page
    .getByTestId('outline')
    .getByRole('heading', { name: /Purchase/ })
    .scrollIntoViewIfNeeded();
  if (!only || only === 'outline') await page.screenshot({ path: resolve(REVIEW_DIR, 'kpi-outline.png') });
  await page.getByRole('radio', { name: 'Board' }).click();
  await board.waitReady();
  await page.getByTestId('kpis-toggle').click();
  await page.getByTestId('kpi-import-file').setInputFiles({
    name: 'q3-kpis.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'stage,metric,value,target\nAwareness,CSAT,4.1,4.5\nCheckout,Conversion,2.4,3\nPurchase,CES,three,2.5\nDelivery,,4.7,4.5\nRetention,Churn,18%,20\nAdvocacy,NPS,,40\n',
    ),
  });
  await page.getByTestId('kpi-import-summary').waitFor();
  if (!only || only === 'import') await page.screenshot({ path: resolve(REVIEW_DIR, 'kpi-import.png') });
  await page.getByTestId('kpi-import-apply').click();
  await page.getByTestId('facilitate-button').click();
  await page.getByTestId('save-template-button').click();
  await page.getByTestId('template-name').fill('Checkout workshop kit');
  await page
    .getByTestId('template-description')
    .fill('Our e-commerce checkout map with Q3 KPIs, ready for the next workshop.');
  if (!only || only === 'save') await page.screenshot({ path: resolve(REVIEW_DIR, 'save-template.png') });
  await page.getByTestId('template-save').click();
  await page.getByTestId('template-saved').waitFor();
  await page.goto(server.url);
  await page.getByText('Saved on this server').waitFor();
  if (!only || only === 'home')
    await page.screenshot({ path: resolve(REVIEW_DIR, 'home-saved-template.png'), fullPage: true });
  console.log(`wrote review shots in ${REVIEW_DIR}`);
});
