import { expect, type Locator, type Page } from '@playwright/test';

/** The History panel (version history) of an open board, as a person uses it. */
export class HistoryPanelObject {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get panel(): Locator {
    return this.page.getByTestId('history-panel');
  }

  get items(): Locator {
    return this.page.getByTestId('checkpoint-item');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('history-button').click();
    await expect(this.panel).toBeVisible();
  }

  async save(name: string): Promise<void> {
    await this.page.getByTestId('checkpoint-name').fill(name);
    await this.page.getByTestId('save-checkpoint').click();
    await expect(this.items.filter({ hasText: name })).toHaveCount(1);
  }

  item(label: string): Locator {
    return this.items.filter({ hasText: label });
  }

  /** Opens the preview of the checkpoint named `label`; returns the dialog. */
  async preview(label: string): Promise<Locator> {
    await this.item(label).click();
    const dialog = this.page.getByRole('dialog', { name: label });
    await expect(dialog.getByTestId('preview-summary')).toBeVisible();
    return dialog;
  }

  async restore(dialog: Locator): Promise<void> {
    await dialog.getByTestId('restore-checkpoint').click();
    await expect(dialog.getByTestId('restore-confirm')).toBeVisible();
    await dialog.getByTestId('confirm-restore').click();
    await expect(dialog).toBeHidden();
  }
}
