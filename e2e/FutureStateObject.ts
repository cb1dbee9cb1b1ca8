import { expect, type Locator, type Page } from '@playwright/test';

/** The future-state chip beside the board title and the compare view, as a person uses them. */
export class FutureStateObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** "Make future state" in the Facilitate menu, then waits for the chip that opens the new board. */
  async make(): Promise<void> {
    await this.page.getByTestId('facilitate-button').click();
    await this.page.getByTestId('make-future-state').click();
    await expect(this.page.getByTestId('open-future-state')).toBeVisible();
  }

  /** Follows the chip to the other board of the pair (with this board's link). */
  async openOther(): Promise<void> {
    await this.page.getByTestId('state-link').getByRole('link').click();
  }

  async openCompare(): Promise<Locator> {
    await this.page.getByTestId('compare-states').click();
    const dialog = this.page.getByRole('dialog', { name: 'Current and future state' });
    await expect(dialog.getByTestId('compare-totals')).toBeVisible();
    return dialog;
  }

  /** The compare view's section of one stage. */
  stage(dialog: Locator, name: string): Locator {
    return dialog.getByRole('region', { name });
  }
}
