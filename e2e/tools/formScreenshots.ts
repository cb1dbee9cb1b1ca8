/**
 * Review shots of the forms built from the shared pieces (`Select`, `ColumnHeads`, `Check`,
 * `DangerConfirm`, `FileInput`): the priority list's filters, the KPI panel, Start voting, the
 * Facilitate panel and the share dialog's "replace link" strip, at 1440, 820 and 390 (touch).
 * `node e2e/tools/formScreenshots.ts` after `npm run build:test`; written to test-results/screens/form-*.png.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { pressBarControl } from './barControl.ts';
import { REVIEW_DEVICES, REVIEW_DIR, reviewPersonOn, withReviewBoard } from './reviewBoard.ts';

/** Each view: the bar control that opens it, what shows it is open, and a click inside it first (if any). */
const VIEWS: readonly { name: string; control: string; shown: string; press?: string }[] = [
  { name: 'priorities', control: 'priorities-toggle', shown: 'priority-kind' },
  { name: 'kpis', control: 'kpis-toggle', shown: 'kpi-table' },
  { name: 'facilitate', control: 'facilitate-button', shown: 'facilitate-panel' },
  { name: 'start-voting', control: 'start-voting', shown: 'vote-only-present' },
  { name: 'share-confirm', control: 'share-button', press: 'rotate-viewer', shown: 'confirm-rotate-viewer' },
];

async function shoot(page: Page, name: string, view: (typeof VIEWS)[number]) {
  try {
    await pressBarControl(page, view.control);
    if (view.press) await page.getByTestId(view.press).click();
    await page.getByTestId(view.shown).waitFor();
    await page.screenshot({ path: resolve(REVIEW_DIR, `form-${name}.png`) });
  } catch (error) {
    console.log(`form-${name}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  await page.keyboard.press('Escape');
  // Side panels stay open on Escape (on a phone a sheet over the bars): their Close button shuts them.
  const close = page.getByRole('button', { name: 'Close', exact: true }).first();
  if (await close.isVisible()) await close.click();
}

await withReviewBoard(async (review) => {
  // `node e2e/tools/formScreenshots.ts phone`: one width only.
  for (const [device, options] of REVIEW_DEVICES.filter(([d]) => !process.argv[2] || d === process.argv[2])) {
    const fay = await reviewPersonOn(review, 'Fay Flint', 'facilitator', options);
    for (const view of VIEWS) await shoot(fay.page, `${device}-${view.name}`, view);
    await fay.page.context().close();
  }
});
