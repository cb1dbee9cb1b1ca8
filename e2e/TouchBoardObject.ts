import { devices, expect, test, type Browser, type Locator } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import type { Person } from './fixtures.ts';
import { linkFor, type BoardLinks, type TestServer } from './server.ts';

/** The panels the bars open, each by its control, found by their test ids; each has a Close button. */
export const PANELS: readonly { readonly bar: Bar; readonly control: string; readonly panel: string }[] = [
  { bar: 'topbar', control: 'participants-button', panel: 'participant-panel' },
  { bar: 'topbar', control: 'comments-toggle', panel: 'comments-panel' },
  { bar: 'topbar', control: 'history-button', panel: 'history-panel' },
  { bar: 'toolbar', control: 'personas-toggle', panel: 'personas-panel' },
  { bar: 'toolbar', control: 'teams-toggle', panel: 'teams-panel' },
  { bar: 'toolbar', control: 'kpis-toggle', panel: 'kpi-panel' },
  { bar: 'toolbar', control: 'priorities-toggle', panel: 'priority-panel' },
];

/** The bars whose controls give way to a "More" menu on a narrow screen, and that menu's test id. */
export const BARS = { topbar: 'topbar-more', toolbar: 'toolbar-more' } as const;
export type Bar = keyof typeof BARS;

/**
 * A board on a phone or a tablet: the device of the running project (its viewport, touch and
 * mobile layout), so a phone spec can still open a desktop page beside it with personPage.
 */
export class TouchBoardObject extends BoardPageObject {
  static join(browser: Browser, server: TestServer, person: Person): Promise<TouchBoardObject> {
    const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
    return TouchBoardObject.on(browser, server, person, { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
  }

  /** A facilitator on this project's device, on a new e-commerce board, at the view it opens with. */
  static async facilitating(browser: Browser, server: TestServer, title: string): Promise<TouchBoardObject> {
    const boardId = await server.createBoard(title, 'ecommerce');
    const fay = await TouchBoardObject.join(browser, server, { name: 'Fay Doe', department: 'product' });
    await fay.openAs(boardId, 'facilitator');
    return fay;
  }

  /** A laptop beside the phones (a new context would otherwise take the project's device). */
  static laptop(browser: Browser, server: TestServer, person: Person): Promise<TouchBoardObject> {
    return TouchBoardObject.on(browser, server, person, {
      ...devices['Desktop Chrome'],
      viewport: { width: 1400, height: 860 },
    });
  }

  /** A named Playwright device (touch, its screen and user agent) on the project's Chromium. */
  static device(
    browser: Browser,
    server: TestServer,
    person: Person,
    name: keyof typeof devices,
    /** Another screen size for that device (an iPad Air's 820 × 1180 on the iPad Mini). */
    viewport?: { width: number; height: number },
  ): Promise<TouchBoardObject> {
    return TouchBoardObject.on(browser, server, person, { ...devices[name], ...(viewport ? { viewport } : {}) });
  }

  private static async on(
    browser: Browser,
    server: TestServer,
    person: Person,
    device: Parameters<Browser['newContext']>[0],
  ): Promise<TouchBoardObject> {
    const context = await browser.newContext({ ...device, baseURL: server.url });
    await context.addInitScript(
      (p) => localStorage.setItem('journeyboard.identity', JSON.stringify({ name: p.name, department: p.department })),
      person,
    );
    return new TouchBoardObject(await context.newPage());
  }

  /** Opens the board through a share link, at the view it opens with (no Fit). */
  async openAs(boardId: string, role: keyof BoardLinks): Promise<void> {
    await this.page.goto(linkFor(boardId, role));
    await this.waitReady({ fit: false });
  }

  /**
   * A bar's control, wherever the width put it: in the bar inside the screen, else in the bar's
   * "More" menu (opened here). Fails if it is in neither, or out of the screen.
   */
  async reach(bar: Bar, testId: string, menu: string = BARS[bar]): Promise<Locator> {
    const inBar = this.page.locator(`.${bar} [data-testid="${testId}"]:not([role^="menuitem"])`);
    if (await inBar.isVisible()) {
      await this.expectOnScreen(inBar);
      return inBar;
    }
    await this.page.getByTestId(menu).click();
    const item = this.page.getByRole('menu').locator(`[data-testid="${testId}"]`);
    await expect(item).toBeVisible();
    await this.expectOnScreen(item);
    return item;
  }

  async expectOnScreen(control: Locator): Promise<void> {
    const box = await control.boundingBox();
    const size = this.page.viewportSize()!;
    expect(box, 'the control has a box').not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 0.5);
    expect(box!.y + box!.height).toBeLessThanOrEqual(size.height + 0.5);
  }

  /** Every button and field of the top bar and the toolbar, as the screen shows them now. */
  barControls(): Locator {
    return this.page.locator('.topbar :is(button, input, a):visible, .toolbar :is(button, input):visible');
  }

  /**
   * The bars' controls (as barControls) that reach past the screen, by name; read in one step, as
   * a width sweep checks a few dozen controls at a dozen sizes.
   */
  barControlsOffScreen(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.topbar :is(button, input, a), .toolbar :is(button, input)')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ el, r }) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter(({ r }) => r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
        .map(({ el }) => el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent ?? el.tagName),
    );
  }

  /** Switches to the list view (the outline made for touch). */
  async openList(): Promise<void> {
    await this.page.getByRole('radio', { name: /^(List|Outline)$/ }).tap();
    await expect(this.page.getByTestId('outline')).toBeVisible();
  }

  /** The list's card of the note with this text. */
  card(text: string): Locator {
    return this.page.getByTestId('outline').locator('.outline-note').filter({ hasText: text });
  }

  /** Picks a stage's tab in the phone list. */
  async pickStage(name: string): Promise<void> {
    const tab = this.page.getByRole('tab', { name: new RegExp(name) });
    await tab.tap();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Adds a note to a cell from the list: the stage's tab, the lane's "+ Add note", the text. */
  async addInList(stage: string, lane: string, text: string): Promise<void> {
    await this.pickStage(stage);
    await this.page.getByRole('button', { name: `Add note to ${lane} in ${stage}` }).tap();
    await this.page.getByLabel(`New note in ${lane} in ${stage}`).fill(text);
    await this.page.getByRole('button', { name: 'Add', exact: true }).tap();
  }
}
