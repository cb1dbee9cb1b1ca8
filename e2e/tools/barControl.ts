import type { Page } from '@playwright/test';

/** The "More" menus a narrow screen moves bar controls into (client/ui/layout/MoreMenu.tsx). */
const MENUS = ['topbar-more', 'toolbar-more', 'add-menu'];

/**
 * Presses a bar control by its test id wherever the width put it: in its bar, else in one of the
 * "More" menus, opened for it. For the review shots, which open the same views at every width.
 */
export async function pressBarControl(page: Page, testId: string): Promise<void> {
  const control = page.locator(`[data-testid="${testId}"]`);
  for (const menu of ['', ...MENUS]) {
    if (menu && (await page.getByTestId(menu).isVisible())) await page.getByTestId(menu).click();
    if (await control.first().isVisible()) {
      await control.first().click();
      return;
    }
    if (menu) await page.keyboard.press('Escape');
  }
  throw new Error(`no control ${testId} in the bars or their menus`);
}
