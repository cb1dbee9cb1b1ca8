import { expect, type Browser, type Page } from '@playwright/test';
import { DialogObject } from './DialogObject.ts';

/** "Use this identity on another device", from the person's menu on a board, and the page its link opens. */
export class DeviceTransferObject extends DialogObject {
  constructor(page: Page) {
    super(page, 'Use this identity on another device');
  }

  /**
   * Opens the dialog from the name in the top bar and waits for its link. `keyboard`: focus and
   * press Enter instead of clicking (at phone width the board page is wider than the screen: the
   * top bar's items overlap and the name dialog sits partly off-screen, so a tap misses).
   */
  async open({ keyboard = false } = {}): Promise<string> {
    for (const id of ['identity-button', 'use-on-another-device']) {
      const button = this.page.getByTestId(id);
      if (keyboard) {
        await button.focus();
        await this.page.keyboard.press('Enter');
      } else {
        await button.click();
      }
    }
    await expect(this.dialog).toBeVisible();
    return this.link();
  }

  /** The link shown, once there is one. */
  async link(): Promise<string> {
    const field = this.dialog.getByTestId('device-link');
    await expect(field).toHaveValue(/\/join-device#code=jbt_/);
    return field.inputValue();
  }

  /** "Make a new link"; resolves with the new one. `keyboard` as in open. */
  async remake({ keyboard = false } = {}): Promise<string> {
    const before = await this.link();
    const button = this.dialog.getByTestId('device-link-new');
    if (keyboard) {
      await button.focus();
      await this.page.keyboard.press('Enter');
    } else {
      await button.click();
    }
    await expect(this.dialog.getByTestId('device-link')).not.toHaveValue(before);
    return this.link();
  }

  /** A device that has never seen this server (no name, no credential) opens `link`. */
  static async openOnNewDevice(
    browser: Browser,
    baseURL: string,
    link: string,
    options: Parameters<Browser['newContext']>[0] = {},
  ): Promise<Page> {
    const page = await (await browser.newContext({ ...options, baseURL })).newPage();
    await page.goto(link);
    return page;
  }
}

/** The identity a page keeps (localStorage `journeyboard.credential`), parsed. */
export async function storedIdentity(page: Page): Promise<{ personId: string; credential: string } | null> {
  return page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('journeyboard.credential') ?? 'null') as {
        personId: string;
        credential: string;
      } | null,
  );
}
