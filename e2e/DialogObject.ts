import type { Locator, Page } from '@playwright/test';

/** A page object for one dialog of the board page, found by its accessible name. */
export abstract class DialogObject {
  readonly page: Page;
  readonly dialog: Locator;

  constructor(page: Page, name: string) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name });
  }
}
