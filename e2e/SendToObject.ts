import { readFileSync } from 'node:fs';
import { expect, type Locator } from '@playwright/test';
import { BoardFeatureObject } from './BoardPageObject.ts';

/** The priority list's "Send to…" dialog: hand-off files and issues created in a tracker. */
export class SendToObject extends BoardFeatureObject {
  get panel(): Locator {
    return this.page.getByTestId('priority-panel');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Send to…' });
  }

  /** Opens the priority list by its toolbar control, wherever the caller found it (a phone's "More" menu). */
  async openPanel(toggle: Locator = this.page.getByTestId('priorities-toggle')): Promise<void> {
    if (!(await this.panel.isVisible())) await toggle.click();
    await expect(this.panel).toBeVisible();
  }

  /** Makes the list's row `n` an action with this owner, right in the list. */
  async makeAction(n: number, owner: string): Promise<string> {
    const row = this.panel.getByTestId('priority-row').nth(n);
    await row.getByTestId('make-action').click();
    await row.getByLabel('Owner').fill(owner);
    await row.getByLabel('Owner').press('Tab');
    return (await row.getAttribute('data-note-id'))!;
  }

  async open(): Promise<void> {
    await this.panel.getByTestId('send-to').click();
    await expect(this.dialog).toBeVisible();
  }

  /** Downloads one hand-off file: its suggested name and its text. */
  async download(kind: 'jira' | 'linear' | 'github-json' | 'github-script'): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.dialog.getByTestId(`send-${kind}`).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  }

  async createIn(tracker: 'github' | 'jira'): Promise<Locator> {
    await this.dialog.getByTestId(`create-in-${tracker}`).click();
    const results = this.dialog.getByTestId('send-results');
    await expect(results).toBeVisible();
    return results;
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
